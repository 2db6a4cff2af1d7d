using Invitations.Contracts.BulkInvitations;
using Invitations.Data.Persistence;
using Invitations.Data.Persistence.Entities;
using Microsoft.EntityFrameworkCore;

namespace Invitations.Api.Jobs;

/// <summary>
/// Job status as users see it: the job's own record joined with the saga row's counters (the saga row
/// appears once the worker picks the job up; before that the job is Pending with zeros).
/// </summary>
public sealed class JobQueries(InvitationsDbContext db)
{
    public async Task<BulkInvitationStatusResponse?> FindAsync(Guid jobId, CancellationToken cancellationToken) =>
        (await Query(db.BulkInvitationJobs.Where(j => j.Id == jobId)).ToListAsync(cancellationToken)).Select(ToResponse).FirstOrDefault();

    public async Task<BulkInvitationListResponse> ListAsync(
        long? sponsorId, BulkJobStatus? status, int page, int pageSize, CancellationToken cancellationToken)
    {
        var jobs = db.BulkInvitationJobs.AsQueryable();
        if (sponsorId is not null)
        {
            jobs = jobs.Where(j => j.SponsorId == sponsorId);
        }

        if (status is not null)
        {
            jobs = jobs.Where(j => j.Status == status);
        }

        var total = await jobs.CountAsync(cancellationToken);
        var rows = await Query(jobs.OrderByDescending(j => j.CreatedAt).ThenByDescending(j => j.Id)
            .Skip((page - 1) * pageSize).Take(pageSize)).ToListAsync(cancellationToken);
        return new BulkInvitationListResponse(rows.Select(ToResponse).ToList(), page, pageSize, total);
    }

    /// <summary>The job's invitations by status, one indexed count per status.</summary>
    public async Task<InvitationCounts> InvitationCountsAsync(Guid jobId, CancellationToken cancellationToken)
    {
        var counts = await db.DealerInvitations.Where(i => i.BulkJobId == jobId)
            .GroupBy(i => i.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        int Of(InvitationStatus status) => counts.FirstOrDefault(c => c.Key == status)?.Count ?? 0;
        return new InvitationCounts(Of(InvitationStatus.Pending), Of(InvitationStatus.Accepted), Of(InvitationStatus.Declined), Of(InvitationStatus.Expired));
    }

    private IQueryable<JobWithCounters> Query(IQueryable<BulkInvitationJob> jobs) =>
        from j in jobs
        join s in db.BulkInvitationSagas on j.Id equals s.CorrelationId into sagas
        from s in sagas.DefaultIfEmpty()
        select new JobWithCounters(
            j,
            s == null ? 0 : s.SucceededDealers,
            s == null ? 0 : s.FailedDealers,
            s == null ? 0 : s.SkippedDealers,
            new InvitationCounts(
                db.DealerInvitations.Count(i => i.BulkJobId == j.Id && i.Status == InvitationStatus.Pending),
                db.DealerInvitations.Count(i => i.BulkJobId == j.Id && i.Status == InvitationStatus.Accepted),
                db.DealerInvitations.Count(i => i.BulkJobId == j.Id && i.Status == InvitationStatus.Declined),
                db.DealerInvitations.Count(i => i.BulkJobId == j.Id && i.Status == InvitationStatus.Expired)));

    private static BulkInvitationStatusResponse ToResponse(JobWithCounters row)
    {
        var job = row.Job;
        var processed = JobProgress.Processed(row.Succeeded, row.Failed, row.Skipped);
        var percentage = JobProgress.Percentage(processed, job.TotalDealers);
        return new BulkInvitationStatusResponse(
            job.Id, job.SponsorId, job.Status.ToString(), job.TotalDealers, processed, row.Succeeded, row.Failed, row.Skipped,
            percentage, job.CreatedAt, job.StartedAt, job.CompletedAt, job.FileName)
        {
            Invitations = row.Invitations,
        };
    }

    private sealed record JobWithCounters(BulkInvitationJob Job, int Succeeded, int Failed, int Skipped, InvitationCounts Invitations);
}
