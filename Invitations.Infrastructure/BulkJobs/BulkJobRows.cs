using Invitations.Contracts.BulkInvitations;
using Invitations.Infrastructure.Persistence;
using Invitations.Sagas.BulkInvitation.Ports;
using Microsoft.EntityFrameworkCore;

namespace Invitations.Infrastructure.BulkJobs;

/// <summary>The saga's port on PostgreSQL; every statement runs in the saga repository's transaction.</summary>
public sealed class BulkJobRows(InvitationsDbContext db, TimeProvider clock) : IBulkJobRows
{
    public async Task<bool> RecordOutcomeAsync(Guid jobId, RowOutcome outcome, CancellationToken cancellationToken)
    {
        await using var command = await DbCommands.CreateAsync(db, string.Empty, cancellationToken);
        return await RowOutcomeCommand.ExecuteAsync(command, jobId, outcome, cancellationToken);
    }

    public async Task<OutcomeCounts> CountOutcomesAsync(Guid jobId, CancellationToken cancellationToken)
    {
        const string sql = """
            SELECT count(*) FILTER (WHERE status = 'Succeeded')::int, count(*) FILTER (WHERE status = 'Failed')::int,
                   count(*) FILTER (WHERE status = 'Skipped')::int
            FROM bulk_invitation_rows WHERE job_id = @job
            """;
        await using var command = await DbCommands.CreateAsync(db, sql, cancellationToken);
        DbCommands.Add(command, ("job", jobId));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return new OutcomeCounts(reader.GetInt32(0), reader.GetInt32(1), reader.GetInt32(2));
    }

    public Task<int> SkipPendingAsync(Guid jobId, DateTimeOffset at, CancellationToken cancellationToken) =>
        DbCommands.ExecuteAsync(
            db,
            "UPDATE bulk_invitation_rows SET status = 'Skipped', completed_at = @at WHERE job_id = @job AND status = 'Pending'",
            cancellationToken,
            ("job", jobId),
            ("at", at));

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
                started_at = CASE WHEN @status = 'Processing' THEN COALESCE(started_at, @at) ELSE started_at END,
                completed_at = CASE WHEN @status = 'Processing' THEN NULL ELSE @at END
            WHERE id = @job
            """,
            cancellationToken,
            ("job", jobId),
            ("status", status.ToString()),
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
