using Invitations.Contracts.BulkInvitations;
using Invitations.Data.Persistence.Entities;
using Invitations.Sagas.BulkInvitation;
using MassTransit;

namespace Invitations.Browser.Tests;

/// <summary>A job written straight into the run's database, as the upload and the saga leave it.</summary>
public static class Seed
{
    public static async Task<BulkInvitationJob> JobAsync(long sponsorId, int rows, BulkJobStatus status, int failedRows = 0, bool withSaga = false)
    {
        var now = DateTimeOffset.UtcNow;
        var job = new BulkInvitationJob
        {
            Id = NewId.NextGuid(),
            SponsorId = sponsorId,
            CreatedBy = $"sponsor-{sponsorId}",
            Status = status,
            FileName = "bayiler.xlsx",
            FileSha256 = new string('b', 64),
            FileSize = 2048,
            InvitationType = InvitationType.Invite,
            SendSms = true,
            DefaultCodeCount = 1,
            TotalDealers = rows,
            CreatedAt = now,
            StartedAt = withSaga ? now : null,
        };

        await using var db = TestRun.Infrastructure.CreateDbContext();
        db.BulkInvitationJobs.Add(job);
        for (var i = 1; i <= rows; i++)
        {
            var failed = i <= failedRows;
            db.BulkInvitationRows.Add(new BulkInvitationRow
            {
                JobId = job.Id,
                RowNumber = i + 1,
                Email = Email(sponsorId, i),
                Phone = $"+90532{((sponsorId * 1000) + i) % 10_000_000:D7}",
                DealerName = $"Bayi {i}",
                Tier = PackageTier.M,
                CodeCount = 1,
                Status = withSaga ? (failed ? RowStatus.Failed : RowStatus.Succeeded) : RowStatus.Pending,
                Attempts = withSaga ? 1 : 0,
                ErrorCode = failed ? "sms_rejected" : null,
                Error = failed ? "SMS sağlayıcısı numarayı reddetti." : null,
            });
        }

        if (withSaga)
        {
            db.BulkInvitationSagas.Add(new BulkInvitationState
            {
                CorrelationId = job.Id,
                CurrentState = status.ToString(),
                Version = rows + 2,
                SponsorId = sponsorId,
                TotalDealers = rows,
                SucceededDealers = rows - failedRows,
                FailedDealers = failedRows,
                CreatedAt = now,
                StartedAt = now,
                CompletedAt = now.AddSeconds(3),
            });
            db.SagaTimeline.AddRange(
                new SagaTimelineEntry { JobId = job.Id, At = now, Event = "BulkInvitationSubmitted", FromState = "Initial", ToState = "Processing", MessageId = NewId.NextGuid() },
                new SagaTimelineEntry { JobId = job.Id, At = now.AddSeconds(1), Event = "DealerInvitationFailed", Detail = "row 2: sms_rejected", MessageId = NewId.NextGuid() },
                new SagaTimelineEntry { JobId = job.Id, At = now.AddSeconds(3), Event = "BulkInvitationCompleted", FromState = "Processing", ToState = status.ToString(), MessageId = NewId.NextGuid() });
        }

        await db.SaveChangesAsync();
        return job;
    }

    /// <summary>What the saga writes before it publishes the completion: the page re-reads it afterwards.</summary>
    public static async Task FinishAsync(Guid jobId, long sponsorId, BulkJobStatus status, int succeeded, int failed)
    {
        var now = DateTimeOffset.UtcNow;
        await using var db = TestRun.Infrastructure.CreateDbContext();
        var job = await db.BulkInvitationJobs.FindAsync(jobId) ?? throw new InvalidOperationException("No such job.");
        job.Status = status;
        job.CompletedAt = now;
        db.BulkInvitationSagas.Add(new BulkInvitationState
        {
            CorrelationId = jobId,
            CurrentState = status.ToString(),
            SponsorId = sponsorId,
            TotalDealers = job.TotalDealers,
            SucceededDealers = succeeded,
            FailedDealers = failed,
            CreatedAt = job.CreatedAt,
            StartedAt = job.CreatedAt,
            CompletedAt = now,
        });
        await db.SaveChangesAsync();
    }

    public static string Email(long sponsorId, int row) => $"bayi{row}.{sponsorId}@example.com";
}
