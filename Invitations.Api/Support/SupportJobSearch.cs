using Invitations.Contracts.BulkInvitations;
using Invitations.Data.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Invitations.Api.Support;

public sealed class SupportJobSearch(InvitationsDbContext db)
{
    public const int MaxResults = 100;

    public async Task<SupportJobList> SearchAsync(BulkJobStatus? state, long? sponsorId, SupportSearchTerm? term, CancellationToken cancellationToken)
    {
        var jobs = db.BulkInvitationJobs.AsNoTracking();
        if (state is { } s)
        {
            jobs = jobs.Where(j => j.Status == s);
        }

        if (sponsorId is { } sponsor)
        {
            jobs = jobs.Where(j => j.SponsorId == sponsor);
        }

        if (term?.JobId is { } jobId)
        {
            jobs = jobs.Where(j => j.Id == jobId);
        }
        else if (term?.Email is { } email)
        {
            // Upload stores emails folded by DealerFields.NormalizeEmail, as the term is; lower() here also finds rows stored otherwise.
            jobs = jobs.Where(j => db.BulkInvitationRows.Any(r => r.JobId == j.Id && r.Email.ToLower() == email));
        }
        else if (term?.Phone is { } phone)
        {
            jobs = jobs.Where(j => db.BulkInvitationRows.Any(r => r.JobId == j.Id && r.Phone == phone));
        }
        else if (term?.Text is { } text)
        {
            var pattern = "%" + text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal) + "%";
            jobs = jobs.Where(j => EF.Functions.ILike(j.FileName, pattern));
        }

        var total = await jobs.CountAsync(cancellationToken);
        var items = await (
                from job in jobs
                join saga in db.BulkInvitationSagas.AsNoTracking() on job.Id equals saga.CorrelationId into sagas
                from saga in sagas.DefaultIfEmpty()
                orderby job.CreatedAt descending
                select new
                {
                    job,
                    CurrentState = saga == null ? null : saga.CurrentState,
                    Succeeded = (int?)saga!.SucceededDealers,
                    Failed = (int?)saga.FailedDealers,
                    Skipped = (int?)saga.SkippedDealers,
                })
            .Take(MaxResults)
            .ToListAsync(cancellationToken);

        return new SupportJobList(
            items.Select(x => new SupportJobSummary(
                x.job.Id,
                x.job.SponsorId,
                x.job.Status.ToString(),
                x.CurrentState,
                x.job.FileName,
                x.job.TotalDealers,
                x.Succeeded ?? 0,
                x.Failed ?? 0,
                x.Skipped ?? 0,
                x.job.CreatedAt,
                x.job.CompletedAt)).ToList(),
            total);
    }
}
