using Invitations.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Invitations.Api.Hubs;

/// <summary>
/// Reads a job's status: the job row for what the upload stored, the saga row (if it exists yet) for
/// the counters. Before the saga starts the job is Pending with zero counts.
/// </summary>
public sealed class JobStatusQuery(InvitationsDbContext db)
{
    public async Task<JobStatusView?> FindAsync(Guid jobId, CancellationToken cancellationToken)
    {
        var found = await (
                from job in db.BulkInvitationJobs.AsNoTracking()
                where job.Id == jobId
                join saga in db.BulkInvitationSagas.AsNoTracking() on job.Id equals saga.CorrelationId into sagas
                from saga in sagas.DefaultIfEmpty()
                select new
                {
                    job.Id,
                    job.SponsorId,
                    job.Status,
                    job.TotalDealers,
                    job.CreatedAt,
                    job.StartedAt,
                    job.CompletedAt,
                    job.FileName,
                    Succeeded = (int?)saga!.SucceededDealers,
                    Failed = (int?)saga.FailedDealers,
                    Skipped = (int?)saga.SkippedDealers,
                    SagaStartedAt = (DateTimeOffset?)saga.StartedAt,
                    SagaCompletedAt = (DateTimeOffset?)saga.CompletedAt,
                })
            .SingleOrDefaultAsync(cancellationToken);
        if (found is null)
        {
            return null;
        }

        var succeeded = found.Succeeded ?? 0;
        var failed = found.Failed ?? 0;
        var skipped = found.Skipped ?? 0;
        var processed = succeeded + failed + skipped;
        return new JobStatusView(
            found.Id,
            found.SponsorId,
            found.Status.ToString(),
            found.TotalDealers,
            processed,
            succeeded,
            failed,
            skipped,
            JobStatusView.Percentage(processed, found.TotalDealers),
            found.CreatedAt,
            found.StartedAt ?? found.SagaStartedAt,
            found.CompletedAt ?? found.SagaCompletedAt,
            found.FileName);
    }

    public Task<long?> FindSponsorAsync(Guid jobId, CancellationToken cancellationToken) =>
        db.BulkInvitationJobs.AsNoTracking()
            .Where(j => j.Id == jobId)
            .Select(j => (long?)j.SponsorId)
            .SingleOrDefaultAsync(cancellationToken);
}
