using Invitations.Api.Uploads.Acceptance;
using Invitations.Contracts.BulkInvitations;
using Invitations.Data.Codes;
using Invitations.Data.Persistence.Entities;
using Invitations.Testing;
using Microsoft.EntityFrameworkCore;

namespace Invitations.Data.Tests.Codes;

/// <summary>FreeCodes against the migrated database: what the counts see free is what a reservation takes.</summary>
public sealed class When_codes_are_counted_free
{
    private long _sponsor;
    private DateTimeOffset _now;

    [SetUp]
    public async Task IssueCodesAsync()
    {
        _sponsor = TestIds.NewSponsorId();
        _now = DateTimeOffset.UtcNow;
        await using var db = TestRun.Infrastructure.CreateDbContext();
        db.SponsorshipCodes.AddRange(
            Code("free", PackageTier.M),
            Code("free-until-tomorrow", PackageTier.M, c => c.ExpiresAt = _now.AddDays(1)),
            Code("reserved", PackageTier.M, c => (c.ReservedByJobId, c.ReservedAt) = (Guid.NewGuid(), _now)),
            Code("issued", PackageTier.M, c => (c.InvitationId, c.AssignedAt) = (Guid.NewGuid(), _now)),
            Code("expired", PackageTier.M, c => c.ExpiresAt = _now.AddMinutes(-1)),
            Code("other-tier", PackageTier.L));
        db.SponsorshipCodes.Add(new SponsorshipCode { SponsorId = TestIds.NewSponsorId(), Code = $"{_sponsor}-other-sponsor", Tier = PackageTier.M, CreatedAt = _now });
        await db.SaveChangesAsync();
    }

    [Test]
    public async Task Should_count_only_codes_no_job_holds_no_dealer_was_given_and_not_expired()
    {
        await using var db = TestRun.Infrastructure.CreateDbContext();

        var free = await FreeCodes.Query(db, _sponsor, PackageTier.M, _now).Select(c => c.Code).ToListAsync();
        var count = await FreeCodes.CountAsync(db, _sponsor, PackageTier.M, _now, CancellationToken.None);

        Assert.That(free, Is.EquivalentTo(new[] { $"{_sponsor}-free", $"{_sponsor}-free-until-tomorrow" }));
        Assert.That(count, Is.EqualTo(2));
    }

    [Test]
    public async Task Should_let_the_upload_reserve_exactly_the_codes_counted_free()
    {
        var job = Guid.NewGuid();
        await using var db = TestRun.Infrastructure.CreateDbContext();

        var reserved = await new CodeReservation(db).ReserveAsync(_sponsor, PackageTier.M, 100, job, _now, CancellationToken.None);
        var held = await db.SponsorshipCodes.Where(c => c.ReservedByJobId == job).Select(c => c.Code).ToListAsync();
        var left = await FreeCodes.CountAsync(db, _sponsor, PackageTier.M, _now, CancellationToken.None);

        Assert.That(reserved, Is.EqualTo(2));
        Assert.That(held, Is.EquivalentTo(new[] { $"{_sponsor}-free", $"{_sponsor}-free-until-tomorrow" }));
        Assert.That(left, Is.Zero);
    }

    private SponsorshipCode Code(string name, PackageTier tier, Action<SponsorshipCode>? state = null)
    {
        var code = new SponsorshipCode { SponsorId = _sponsor, Code = $"{_sponsor}-{name}", Tier = tier, CreatedAt = _now };
        state?.Invoke(code);
        return code;
    }
}
