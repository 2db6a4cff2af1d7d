using Invitations.Contracts.BulkInvitations;
using Invitations.Data.Persistence;
using Invitations.Data.Persistence.Entities;
using Invitations.ServiceDefaults.Messaging;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Invitations.Worker.Dispatching;

/// <summary>
/// One pass of the dispatcher: claims stale Pending jobs with FOR UPDATE SKIP LOCKED (so several worker
/// instances never publish the same job in the same pass), publishes <see cref="BulkInvitationSubmitted"/>
/// again and records the attempt. The saga starts on the first Submitted and ignores repeats.
/// </summary>
public sealed partial class PendingJobRepublisher(
    InvitationsDbContext db, IPublishEndpoint publish, TimeProvider clock, IOptions<DispatcherOptions> options,
    IOptions<RabbitMqOptions> broker, ILogger<PendingJobRepublisher> logger)
{
    // The status is a literal: the partial index of pending jobs (by created_at) matches only a constant.
    internal static readonly string StaleSql = $"""
        SELECT * FROM bulk_invitation_jobs
        WHERE status = {SqlValues.Of(BulkJobStatus.Pending)} AND created_at < @cutoff
          AND (submitted_published_at IS NULL OR submitted_published_at < @cutoff)
          AND submit_publish_attempts < @max
        ORDER BY created_at
        LIMIT @batch
        FOR UPDATE SKIP LOCKED
        """;

    public async Task<int> RepublishAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var cutoff = now - options.Value.PendingGrace;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var jobs = await db.BulkInvitationJobs
            .FromSqlRaw(
                StaleSql,
                new NpgsqlParameter("cutoff", cutoff),
                new NpgsqlParameter("batch", options.Value.BatchSize),
                new NpgsqlParameter("max", options.Value.MaxAttempts))
            .ToListAsync(cancellationToken);
        if (jobs.Count == 0)
        {
            return 0;
        }

        using (var deadline = broker.Value.SendDeadline(cancellationToken))
        {
            await Task.WhenAll(jobs.Select(job => publish.Publish(Submitted(job), deadline.Token)));
        }

        foreach (var job in jobs)
        {
            job.SubmittedPublishedAt = now;
            job.SubmitPublishAttempts++;
            LogRepublished(logger, job.Id, job.SponsorId, job.TotalDealers, job.SubmitPublishAttempts);
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return jobs.Count;
    }

    private static BulkInvitationSubmitted Submitted(BulkInvitationJob job) => new()
    {
        BulkJobId = job.Id,
        SponsorId = job.SponsorId,
        TotalDealers = job.TotalDealers,
        SubmittedAt = job.CreatedAt,
    };

    [LoggerMessage(Level = LogLevel.Warning, Message = "Re-published BulkInvitationSubmitted for job {JobId} of sponsor {SponsorId} ({Dealers} dealers), attempt {Attempt}")]
    private static partial void LogRepublished(ILogger logger, Guid jobId, long sponsorId, int dealers, int attempt);
}
