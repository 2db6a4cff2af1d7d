using Invitations.Data.Persistence.Entities;
using Invitations.Testing;
using Microsoft.EntityFrameworkCore;

namespace Invitations.Data.Tests.Persistence;

/// <summary>The view taken_emails against the migrated database: a dealer or a pending invitation of the sponsor takes an email.</summary>
public sealed class When_taken_emails_are_read
{
    [Test]
    public async Task Should_list_the_sponsors_dealers_and_pending_invitations_only()
    {
        var sponsor = TestIds.NewSponsorId();
        var other = TestIds.NewSponsorId();
        var now = DateTimeOffset.UtcNow;
        await using (var db = TestRun.Infrastructure.CreateDbContext())
        {
            db.Dealers.Add(Dealer(sponsor, "bayi@example.com", now));
            db.Dealers.Add(Dealer(other, "baskasinin-bayisi@example.com", now));
            db.DealerInvitations.Add(Invitation(sponsor, "bekleyen@example.com", InvitationStatus.Pending, now));
            db.DealerInvitations.Add(Invitation(other, "baskasinin-davetlisi@example.com", InvitationStatus.Pending, now));
            db.DealerInvitations.Add(Invitation(sponsor, "kabul@example.com", InvitationStatus.Accepted, now));
            db.DealerInvitations.Add(Invitation(sponsor, "sure-doldu@example.com", InvitationStatus.Expired, now));
            db.DealerInvitations.Add(Invitation(sponsor, "reddetti@example.com", InvitationStatus.Declined, now));
            db.DealerInvitations.Add(Invitation(sponsor, "iptal@example.com", InvitationStatus.Cancelled, now));
            await db.SaveChangesAsync();
        }

        await using var read = TestRun.Infrastructure.CreateDbContext();
        var taken = await read.TakenEmails.Where(t => t.SponsorId == sponsor).Select(t => t.Email).ToListAsync();

        Assert.That(taken, Is.EquivalentTo(new[] { "bayi@example.com", "bekleyen@example.com" }));
    }

    [Test]
    public async Task Should_free_an_email_once_its_invitation_is_no_longer_pending()
    {
        var sponsor = TestIds.NewSponsorId();
        var now = DateTimeOffset.UtcNow;
        await using var db = TestRun.Infrastructure.CreateDbContext();
        var invitation = Invitation(sponsor, "bayi@example.com", InvitationStatus.Pending, now);
        db.DealerInvitations.Add(invitation);
        await db.SaveChangesAsync();
        var before = await db.TakenEmails.CountAsync(t => t.SponsorId == sponsor && t.Email == "bayi@example.com");

        invitation.Status = InvitationStatus.Expired;
        await db.SaveChangesAsync();
        var after = await db.TakenEmails.CountAsync(t => t.SponsorId == sponsor && t.Email == "bayi@example.com");

        Assert.That((before, after), Is.EqualTo((1, 0)));
    }

    private static Dealer Dealer(long sponsor, string email, DateTimeOffset now) => new()
    {
        Id = Guid.NewGuid(),
        SponsorId = sponsor,
        Email = email,
        Phone = "+905321234567",
        Name = "Bayi",
        CreatedAt = now,
    };

    private static DealerInvitation Invitation(long sponsor, string email, InvitationStatus status, DateTimeOffset now) => new()
    {
        Id = Guid.NewGuid(),
        SponsorId = sponsor,
        BulkJobId = Guid.NewGuid(),
        RowNumber = 2,
        Email = email,
        Phone = "+905321234567",
        DealerName = "Bayi",
        Token = Guid.NewGuid().ToString("N"),
        Status = status,
        ExpiresAt = now.AddDays(7),
        CreatedAt = now,
    };
}
