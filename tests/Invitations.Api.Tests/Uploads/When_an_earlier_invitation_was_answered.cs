using System.Net;
using Invitations.Contracts.BulkInvitations;
using Invitations.Data.Persistence.Entities;
using Invitations.Testing;
using MassTransit;

namespace Invitations.Api.Tests.Uploads;

public sealed class When_an_earlier_invitation_was_answered
{
    [Test]
    public async Task Should_accept_the_emails_of_expired_and_declined_invitations_but_not_pending_or_accepted_ones()
    {
        var sponsorId = TestIds.NewSponsorId();
        var tag = Guid.NewGuid().ToString("N")[..8];
        await SeedAsync(sponsorId, tag, InvitationStatus.Expired, InvitationStatus.Declined, InvitationStatus.Pending, InvitationStatus.Accepted);
        await Upload.GiveCodesAsync(sponsorId, PackageTier.M, 10);
        using var client = TestRun.Api.CreateSponsorClient(sponsorId);

        using var response = await Upload.PostAsync(client, DealerFiles.Xlsx(DealerFiles.Dealers(4, tag: tag)));

        var body = await Upload.JsonAsync(response);
        var rows = body.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("row").GetInt32());
        using (Assert.EnterMultipleScope())
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));

            // Header on row 1: dealer 0 (expired) is row 2, dealer 1 (declined) row 3, pending row 4, accepted row 5.
            Assert.That(rows, Is.EqualTo(new[] { 4, 5 }));
        }
    }

    /// <summary>One earlier invitation per status, for dealer i of the tag; the accepted one has its dealer account.</summary>
    private static async Task SeedAsync(long sponsorId, string tag, params InvitationStatus[] statuses)
    {
        var now = DateTimeOffset.UtcNow;
        var jobId = NewId.NextGuid();
        await using var db = TestRun.Infrastructure.CreateDbContext();
        db.BulkInvitationJobs.Add(new BulkInvitationJob
        {
            Id = jobId,
            SponsorId = sponsorId,
            CreatedBy = $"sponsor-{sponsorId}",
            Status = BulkJobStatus.Completed,
            FileName = "eski.xlsx",
            FileSha256 = tag,
            FileSize = 1,
            InvitationType = InvitationType.Invite,
            SendSms = true,
            DefaultCodeCount = 1,
            TotalDealers = statuses.Length,
            CreatedAt = now.AddDays(-8),
        });
        for (var i = 0; i < statuses.Length; i++)
        {
            var email = DealerFiles.Email(tag, i);
            Guid? dealerId = statuses[i] == InvitationStatus.Accepted ? NewId.NextGuid() : null;
            if (dealerId is { } id)
            {
                db.Dealers.Add(new Dealer { Id = id, SponsorId = sponsorId, Email = email, Phone = "+905320000000", Name = "Eski Bayi", CreatedAt = now });
            }

            db.DealerInvitations.Add(new DealerInvitation
            {
                Id = NewId.NextGuid(),
                SponsorId = sponsorId,
                BulkJobId = jobId,
                RowNumber = i + 2,
                Type = InvitationType.Invite,
                Status = statuses[i],
                Email = email,
                Phone = "+905320000000",
                DealerName = "Eski Bayi",
                Tier = PackageTier.M,
                CodeCount = 1,
                Token = Guid.NewGuid().ToString("N") + tag,
                ExpiresAt = now.AddDays(-1),
                DealerId = dealerId,
                CreatedAt = now.AddDays(-8),
            });
        }

        await db.SaveChangesAsync();
    }
}
