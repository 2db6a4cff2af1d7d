using Invitations.Infrastructure.Persistence;

namespace Invitations.Infrastructure.BulkJobs;

/// <summary>Pages a job's rows for the dispatcher and marks what it sent.</summary>
public sealed class BulkJobDispatchStore(InvitationsDbContext db)
{
    /// <summary>Pending rows after <paramref name="afterRow"/> in row order, with the attempt to send.</summary>
    public async Task<IReadOnlyList<DispatchRow>> NextPageAsync(
        Guid jobId, int afterRow, bool includeDispatched, int size, CancellationToken cancellationToken)
    {
        const string sql = """
            SELECT row_number, attempts, dispatched_at IS NOT NULL FROM bulk_invitation_rows
            WHERE job_id = @job AND status = 'Pending' AND row_number > @after AND (@all OR dispatched_at IS NULL)
            ORDER BY row_number
            LIMIT @size
            """;
        await using var command = await DbCommands.CreateAsync(db, sql, cancellationToken);
        DbCommands.Add(command, ("job", jobId), ("after", afterRow), ("all", includeDispatched), ("size", size));
        var rows = new List<DispatchRow>(size);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var attempts = reader.GetInt32(1);
            var dispatched = reader.GetBoolean(2);

            // A row not yet dispatched gets the next attempt; a re-dispatch repeats the current one.
            rows.Add(new DispatchRow(reader.GetInt32(0), dispatched ? attempts : attempts + 1, !dispatched));
        }

        return rows;
    }

    /// <summary>Only rows still unmarked count the attempt: marking twice after a crash changes nothing.</summary>
    public Task<int> MarkDispatchedAsync(Guid jobId, int[] rowNumbers, DateTimeOffset at, CancellationToken cancellationToken) =>
        DbCommands.ExecuteAsync(
            db,
            """
            UPDATE bulk_invitation_rows SET dispatched_at = @at, attempts = attempts + 1
            WHERE job_id = @job AND row_number = ANY(@rows) AND dispatched_at IS NULL
            """,
            cancellationToken,
            ("job", jobId),
            ("rows", rowNumbers),
            ("at", at));
}
