using Invitations.Contracts.BulkInvitations;
using Invitations.Data.Persistence.Entities;
using Invitations.Sagas.BulkInvitation;
using Invitations.Testing.BulkJobs;
using Microsoft.EntityFrameworkCore;

namespace Invitations.Api.Tests.Jobs;

/// <summary>Puts a test job where the worker would have left it: status, saga counters, row outcomes, codes.</summary>
internal static class JobSeed
{
    public static async Task<TestJob> CreateAsync(long sponsorId, int rows = 3) =>
        await new TestJobBuilder(TestRun.Infrastructure).ForSponsor(sponsorId).WithRows(rows).CreateAsync();

    public static async Task FinishAsync(TestJob job, BulkJobStatus status, params (int Row, RowStatus Status, string? Error)[] outcomes)
    {
        await using var db = TestRun.Infrastructure.CreateDbContext();
        var now = DateTimeOffset.UtcNow;
        var jobRecord = await db.BulkInvitationJobs.SingleAsync(j => j.Id == job.Id);
        jobRecord.Status = status;
        jobRecord.StartedAt = now;
        jobRecord.CompletedAt = status == BulkJobStatus.Processing ? null : now;
        var freeCodes = new Queue<SponsorshipCode>(await db.SponsorshipCodes.Where(c => c.ReservedByJobId == job.Id).OrderBy(c => c.Id).ToListAsync());
        foreach (var (rowNumber, rowStatus, error) in outcomes)
        {
            var row = await db.BulkInvitationRows.SingleAsync(r => r.JobId == job.Id && r.RowNumber == rowNumber);
            row.Status = rowStatus;
            row.Error = error;
            if (rowStatus == RowStatus.Succeeded)
            {
                row.InvitationId = Guid.NewGuid();
                var code = freeCodes.Dequeue();
                code.InvitationId = row.InvitationId;
                code.AssignedRowNumber = rowNumber;
                code.AssignedAt = now;
            }
        }

        db.BulkInvitationSagas.Add(new BulkInvitationState
        {
            CorrelationId = job.Id,
            CurrentState = status.ToString(),
            SponsorId = job.SponsorId,
            TotalDealers = job.TotalDealers,
            SucceededDealers = outcomes.Count(o => o.Status == RowStatus.Succeeded),
            FailedDealers = outcomes.Count(o => o.Status == RowStatus.Failed),
            SkippedDealers = outcomes.Count(o => o.Status == RowStatus.Skipped),
            CreatedAt = now,
            StartedAt = now,
        });
        await db.SaveChangesAsync();
    }

    public static async Task RenameDealerAsync(TestJob job, int rowNumber, string name)
    {
        await using var db = TestRun.Infrastructure.CreateDbContext();
        await db.BulkInvitationRows.Where(r => r.JobId == job.Id && r.RowNumber == rowNumber)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.DealerName, name));
    }
}
