using System.Net.Http.Json;
using Invitations.Api.Support;
using Invitations.Api.Tests.Hubs;
using Invitations.Contracts.BulkInvitations;
using Invitations.Data.Persistence.Entities;
using Invitations.Testing;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace Invitations.Api.Tests.Support;

public sealed class When_a_dealer_was_possibly_texted_twice
{
    [Test]
    public async Task Should_show_support_which_rows_may_have_two_sms()
    {
        var sponsorId = TestIds.NewSponsorId();
        var job = await JobSeed.JobAsync(TestRun.Infrastructure, sponsorId, totalDealers: 3, BulkJobStatus.Completed, rowStatus: _ => RowStatus.Succeeded);
        await InviteAsync(job.Id, possiblyTwice: row => row == 3);
        using var client = TestRun.Api.CreateSupportClient();

        var detail = await client.GetFromJsonAsync<SupportJobDetail>($"/api/v1/support/bulk-invitations/{job.Id}");

        Assert.That(detail!.Rows.Select(r => (r.RowNumber, r.SmsPossiblyTwice)), Is.EqualTo(new[] { (2, false), (3, true), (4, false) }));
    }

    /// <summary>Each row's invitation, texted; the rows <paramref name="possiblyTwice"/> picks were sent again after an unknown result.</summary>
    private static async Task InviteAsync(Guid jobId, Func<int, bool> possiblyTwice)
    {
        await using var db = TestRun.Infrastructure.CreateDbContext();
        var now = DateTimeOffset.UtcNow;
        foreach (var row in await db.BulkInvitationRows.Where(r => r.JobId == jobId).ToListAsync())
        {
            var twice = possiblyTwice(row.RowNumber);
            var invitation = new DealerInvitation
            {
                Id = NewId.NextGuid(),
                SponsorId = (await db.BulkInvitationJobs.SingleAsync(j => j.Id == jobId)).SponsorId,
                BulkJobId = jobId,
                RowNumber = row.RowNumber,
                Type = InvitationType.Invite,
                Status = InvitationStatus.Pending,
                Email = row.Email,
                Phone = row.Phone,
                DealerName = row.DealerName,
                Tier = row.Tier,
                CodeCount = row.CodeCount,
                Token = NewId.NextGuid().ToString("N"),
                ExpiresAt = now.AddDays(7),
                CreatedAt = now,
                SmsSentAt = now,
                SmsAttempts = twice ? 2 : 1,
                SmsPossibleDuplicate = twice,
            };
            db.DealerInvitations.Add(invitation);
            row.InvitationId = invitation.Id;
        }

        await db.SaveChangesAsync();
    }
}
