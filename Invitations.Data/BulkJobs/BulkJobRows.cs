using Invitations.Contracts.BulkInvitations;
using Invitations.Data.Persistence;
using Invitations.Data.Persistence.Entities;
using Invitations.Sagas.BulkInvitation.Ports;
using Microsoft.EntityFrameworkCore;

namespace Invitations.Data.BulkJobs;

/// <summary>The saga's port on PostgreSQL; every statement runs in the saga repository's transaction.</summary>
public sealed class BulkJobRows(InvitationsDbContext db, TimeProvider clock) : IBulkJobRows
{
    private static readonly string Pending = SqlValues.Of(RowStatus.Pending);

    public async Task<bool> RecordOutcomeAsync(Guid jobId, RowOutcome outcome, CancellationToken cancellationToken)
    {
        await using var command = await DbCommands.CreateAsync(db, string.Empty, cancellationToken);
        return await RowOutcomeCommand.ExecuteAsync(command, jobId, outcome, cancellationToken);
    }

    public async Task<OutcomeCounts> CountOutcomesAsync(
        Guid jobId, OutcomeCounts counted, IReadOnlyCollection<int>? rows, CancellationToken cancellationToken) =>
        rows is null ? await RecountAllAsync(jobId, cancellationToken) : await CountChangedAsync(jobId, counted, rows, cancellationToken);

    internal static readonly string RecountAllSql = $"""
        UPDATE bulk_invitation_rows SET counted_status = NULLIF(status, {Pending})
        WHERE job_id = @job AND counted_status IS DISTINCT FROM NULLIF(status, {Pending});
        SELECT count(*) FILTER (WHERE status = {SqlValues.Of(RowStatus.Succeeded)})::int AS succeeded,
               count(*) FILTER (WHERE status = {SqlValues.Of(RowStatus.Failed)})::int AS failed,
               count(*) FILTER (WHERE status = {SqlValues.Of(RowStatus.Skipped)})::int AS skipped
        FROM bulk_invitation_rows WHERE job_id = @job
        """;

    internal static readonly string CountChangedSql = RowOutcomeCommand.LockRowsSql + $"""
        ;
        UPDATE bulk_invitation_rows r SET counted_status = NULLIF(r.status, {Pending})
        FROM (SELECT y.tid, y.was
              FROM unnest(@rows) AS u(row_number)
              CROSS JOIN LATERAL (SELECT ctid AS tid, counted_status AS was FROM bulk_invitation_rows x
                                  WHERE x.job_id = @job AND x.row_number = u.row_number LIMIT 1) y) c
        WHERE r.ctid = c.tid AND r.counted_status IS DISTINCT FROM NULLIF(r.status, {Pending})
        RETURNING c.was, r.counted_status AS now
        """;

    private async Task<OutcomeCounts> RecountAllAsync(Guid jobId, CancellationToken cancellationToken)
    {
        await using var command = await DbCommands.CreateAsync(db, RecountAllSql, cancellationToken);
        DbCommands.Add(command, ("job", jobId));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var read = CountsReader(new ResultColumns(reader));
        await reader.ReadAsync(cancellationToken);
        return read();
    }

    /// <summary>Reads the row of <see cref="RecountAllSql"/>; the columns are found by name once, here.</summary>
    internal static Func<OutcomeCounts> CountsReader(ResultColumns columns)
    {
        var succeeded = columns.Required<int>("succeeded");
        var failed = columns.Required<int>("failed");
        var skipped = columns.Required<int>("skipped");
        return () => new OutcomeCounts(succeeded.Value, failed.Value, skipped.Value);
    }

    /// <summary>What a row of <see cref="CountChangedSql"/> was counted as and is counted as now.</summary>
    internal static (OptionalColumn<string> Was, OptionalColumn<string> Now) ChangeColumns(ResultColumns columns) =>
        (columns.Optional<string>("was"), columns.Optional<string>("now"));

    /// <summary>
    /// The named rows whose outcome moved since they were counted, marked counted; the update returns what each
    /// was counted as and is now. The rows are locked by key first, in a statement of their own: the update
    /// then finds each by key and writes it by tuple id (one index probe per row, whatever the table's
    /// statistics say), which is only safe on rows no other transaction can change meanwhile.
    /// </summary>
    private async Task<OutcomeCounts> CountChangedAsync(Guid jobId, OutcomeCounts counted, IReadOnlyCollection<int> rows, CancellationToken cancellationToken)
    {
        await using var command = await DbCommands.CreateAsync(db, CountChangedSql, cancellationToken);
        var named = rows.Distinct().ToArray();
        DbCommands.Add(command, ("job", jobId), ("jobs", Enumerable.Repeat(jobId, named.Length).ToArray()), ("rows", named));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.NextResultAsync(cancellationToken);
        var (was, now) = ChangeColumns(new ResultColumns(reader));
        while (await reader.ReadAsync(cancellationToken))
        {
            counted = counted.Move(was.Value, now.Value);
        }

        return counted;
    }

    public Task<int> SkipPendingAsync(Guid jobId, DateTimeOffset at, CancellationToken cancellationToken) =>
        DbCommands.ExecuteAsync(
            db,
            "UPDATE bulk_invitation_rows SET status = @skipped, completed_at = @at WHERE job_id = @job AND status = @pending",
            cancellationToken,
            ("job", jobId),
            ("at", at),
            ("skipped", RowStatus.Skipped.ToString()),
            ("pending", RowStatus.Pending.ToString()));

    public Task<int> ReleaseUnusedCodesAsync(Guid jobId, CancellationToken cancellationToken) =>
        DbCommands.ExecuteAsync(
            db,
            """
            UPDATE sponsorship_codes SET reserved_by_job_id = NULL, reserved_at = NULL
            WHERE reserved_by_job_id = @job AND assigned_at IS NULL
            """,
            cancellationToken,
            ("job", jobId));

    public Task<int> ResetFailedForRetryAsync(Guid jobId, CancellationToken cancellationToken) =>
        new RetryPreparation(db, clock).ResetAsync(jobId, cancellationToken);

    public async Task<JobSummary?> FindJobAsync(Guid jobId, CancellationToken cancellationToken) =>
        await db.BulkInvitationJobs.Where(j => j.Id == jobId)
            .Select(j => new JobSummary(j.SponsorId, j.TotalDealers, j.CreatedAt))
            .FirstOrDefaultAsync(cancellationToken);

    public Task SetJobStatusAsync(Guid jobId, BulkJobStatus status, DateTimeOffset at, CancellationToken cancellationToken) =>
        DbCommands.ExecuteAsync(
            db,
            """
            UPDATE bulk_invitation_jobs
            SET status = @status,
                started_at = CASE WHEN @status = @processing THEN COALESCE(started_at, @at) ELSE started_at END,
                completed_at = CASE WHEN @status = @processing THEN NULL ELSE @at END
            WHERE id = @job
            """,
            cancellationToken,
            ("job", jobId),
            ("status", status.ToString()),
            ("processing", BulkJobStatus.Processing.ToString()),
            ("at", at));

    public Task AppendTimelineAsync(TimelineRecord record, CancellationToken cancellationToken) =>
        DbCommands.ExecuteAsync(
            db,
            """
            INSERT INTO saga_timeline (job_id, at, event, from_state, to_state, message_id, detail, actor)
            VALUES (@job, @at, @event, @from, @to, @message, @detail, @actor)
            """,
            cancellationToken,
            ("job", record.JobId),
            ("at", record.At),
            ("event", DbCommands.Truncate(record.Event, 100)),
            ("from", record.FromState),
            ("to", record.ToState),
            ("message", record.MessageId),
            ("detail", DbCommands.Truncate(record.Detail, 1000)),
            ("actor", DbCommands.Truncate(record.Actor, 200)));
}
