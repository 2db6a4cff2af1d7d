using Invitations.Data.Persistence;
using Invitations.Data.Persistence.Entities;

namespace Invitations.Data.BulkJobs;

/// <summary>Pages a job's rows for the dispatcher and marks what it sent.</summary>
public sealed class BulkJobDispatchStore(InvitationsDbContext db)
{
    internal static readonly string NextPageSql = $"""
        SELECT row_number, attempts, dispatched_at IS NOT NULL AS dispatched FROM bulk_invitation_rows
        WHERE job_id = @job AND status = {SqlValues.Of(RowStatus.Pending)} AND row_number > @after AND (@all OR dispatched_at IS NULL)
        ORDER BY row_number
        LIMIT @size
        """;

    /// <summary>Pending rows after <paramref name="afterRow"/> in row order, with the attempt to send.</summary>
    public async Task<IReadOnlyList<DispatchRow>> NextPageAsync(
        Guid jobId, int afterRow, bool includeDispatched, int size, CancellationToken cancellationToken)
    {
        await using var command = await DbCommands.CreateAsync(db, NextPageSql, cancellationToken);
        DbCommands.Add(command, ("job", jobId), ("after", afterRow), ("all", includeDispatched), ("size", size));
        var rows = new List<DispatchRow>(size);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var read = PageReader(new ResultColumns(reader));
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(read());
        }

        return rows;
    }

    /// <summary>Reads the current row of <see cref="NextPageSql"/>; the columns are found by name once, here.</summary>
    internal static Func<DispatchRow> PageReader(ResultColumns columns)
    {
        var rowNumber = columns.Required<int>("row_number");
        var attempts = columns.Required<int>("attempts");
        var dispatched = columns.Required<bool>("dispatched");

        // A row not yet dispatched gets the next attempt; a re-dispatch repeats the current one.
        return () => dispatched.Value
            ? new DispatchRow(rowNumber.Value, attempts.Value, false)
            : new DispatchRow(rowNumber.Value, attempts.Value + 1, true);
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
