using Invitations.Data.Persistence;
using Invitations.Sagas.BulkInvitation;
using Invitations.Sagas.BulkInvitation.Messages;
using Invitations.ServiceDefaults.Messaging;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Invitations.Worker.Dispatching;

/// <summary>
/// One pass of the stuck-job sweep: finds Processing jobs whose saga heard no outcome for
/// <see cref="SweepOptions.QuietFor"/> and sends each a <see cref="BulkInvitationSweep"/>, which the saga turns
/// into a recount (completing the job) or a re-dispatch of its pending rows. One Worker sweeps at a time (an
/// advisory transaction lock); a sweep repeated anyway is ignored by the saga once the job has moved.
/// </summary>
public sealed partial class StalledJobSweep(
    InvitationsDbContext db, IPublishEndpoint publish, TimeProvider clock, IOptions<SweepOptions> options,
    IOptions<SagaOptions> saga, IOptions<RabbitMqOptions> broker, ILogger<StalledJobSweep> logger)
{
    // Any constant shared by every Worker: the key of the sweep's advisory lock.
    private const long LockKey = 0x5357_4545_5031;

    public async Task<int> SweepAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var settings = options.Value;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var locked = await db.Database.SqlQuery<bool>($"SELECT pg_try_advisory_xact_lock({LockKey}) AS \"Value\"").SingleAsync(cancellationToken);
        if (!locked)
        {
            return 0;
        }

        var quiet = await db.Database.SqlQueryRaw<QuietJob>(
            """
            SELECT s.correlation_id AS job_id, s.last_outcome_at
            FROM bulk_invitation_sagas s
            WHERE s.current_state = @processing
              AND COALESCE(s.last_outcome_at, s.started_at, s.created_at) < @quietBefore
              AND (COALESCE(s.last_outcome_at, s.started_at, s.created_at) < @stalledBefore
                   OR NOT EXISTS (SELECT 1 FROM bulk_invitation_sagas o WHERE o.last_outcome_at >= @quietBefore))
              AND NOT EXISTS (SELECT 1 FROM scheduled_messages m
                              WHERE m.destination LIKE '%invite-dealer%' AND strpos(m.body, s.correlation_id::text) > 0)
            ORDER BY COALESCE(s.last_outcome_at, s.started_at, s.created_at)
            LIMIT @batch
            """,
            new NpgsqlParameter("quietBefore", now - settings.QuietFor),
            new NpgsqlParameter("stalledBefore", now - saga.Value.StallTimeout),
            new NpgsqlParameter("processing", nameof(BulkInvitationStateMachine.Processing)),
            new NpgsqlParameter("batch", settings.BatchSize)).ToListAsync(cancellationToken);
        if (quiet.Count > 0)
        {
            using var deadline = broker.Value.SendDeadline(cancellationToken);
            await Task.WhenAll(quiet.Select(job => publish.Publish(
                new BulkInvitationSweep { BulkJobId = job.JobId, QuietSince = job.LastOutcomeAt }, deadline.Token)));
            foreach (var job in quiet)
            {
                LogSwept(logger, job.JobId, job.LastOutcomeAt);
            }
        }

        await transaction.CommitAsync(cancellationToken);
        return quiet.Count;
    }

    private sealed record QuietJob(Guid JobId, DateTimeOffset? LastOutcomeAt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Job {JobId} is Processing with no outcome since {LastOutcomeAt}: swept")]
    private static partial void LogSwept(ILogger logger, Guid jobId, DateTimeOffset? lastOutcomeAt);
}
