using Invitations.Contracts.BulkInvitations;
using Invitations.Data.Persistence.Entities;
using Invitations.Sagas.BulkInvitation;
using Invitations.Testing;
using MassTransit;

namespace Invitations.Api.Tests.Hubs;

/// <summary>Jobs written straight into the run's database, as the upload and the saga would leave them.</summary>
public static class JobSeed
{
    public static async Task<BulkInvitationJob> JobAsync(
        TestInfrastructure infrastructure,
        long sponsorId,
        int totalDealers = 3,
        BulkJobStatus status = BulkJobStatus.Pending,
        Func<int, RowStatus>? rowStatus = null,
        bool withSaga = false)
    {
        var now = DateTimeOffset.UtcNow;
        var job = new BulkInvitationJob
        {
            Id = NewId.NextGuid(),
            SponsorId = sponsorId,
            CreatedBy = $"sponsor-{sponsorId}",
            Status = status,
            FileName = $"bayiler-{sponsorId}.xlsx",
            FileSha256 = new string('a', 64),
            FileSize = 1024,
            InvitationType = InvitationType.Invite,
            SendSms = true,
            DefaultCodeCount = 1,
            TotalDealers = totalDealers,
            CreatedAt = now,
        };

        await using var db = infrastructure.CreateDbContext();
        db.BulkInvitationJobs.Add(job);
        for (var i = 1; i <= totalDealers; i++)
        {
            var state = rowStatus?.Invoke(i) ?? RowStatus.Pending;
            db.BulkInvitationRows.Add(new BulkInvitationRow
            {
                JobId = job.Id,
                RowNumber = i + 1,
                Email = $"bayi{i}.{sponsorId}@example.com",
                Phone = $"+90532{((sponsorId * 100) + i) % 10_000_000:D7}",
                DealerName = $"Bayi {i}",
                Tier = PackageTier.M,
                CodeCount = 1,
                Status = state,
                Attempts = state == RowStatus.Pending ? 0 : 1,
                ErrorCode = state == RowStatus.Failed ? "sms_rejected" : null,
                Error = state == RowStatus.Failed ? "The SMS provider rejected the number." : null,
            });
        }

        if (withSaga)
        {
            db.BulkInvitationSagas.Add(new BulkInvitationState
            {
                CorrelationId = job.Id,
                CurrentState = "Processing",
                Version = 4,
                SponsorId = sponsorId,
                TotalDealers = totalDealers,
                SucceededDealers = 1,
                FailedDealers = 1,
                CreatedAt = now,
                StartedAt = now,
            });
        }

        await db.SaveChangesAsync();
        return job;
    }

    public static async Task TimelineAsync(TestInfrastructure infrastructure, Guid jobId, params SagaTimelineEntry[] entries)
    {
        await using var db = infrastructure.CreateDbContext();
        foreach (var entry in entries)
        {
            entry.JobId = jobId;
            db.SagaTimeline.Add(entry);
        }

        await db.SaveChangesAsync();
    }
}
