using Invitations.Contracts.BulkInvitations;
using Invitations.Data.Codes;
using Invitations.Data.Seeding;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace Invitations.Data.Tests.Persistence;

public sealed class When_the_demo_seed_runs
{
    [Test]
    public async Task Should_give_sponsor_42_five_thousand_codes_of_each_tier_however_often_it_runs()
    {
        for (var run = 0; run < 2; run++)
        {
            await using var db = TestRun.Infrastructure.CreateDbContext();
            var seeder = new DemoSeeder(new CodeIssuer(db, TimeProvider.System), NullLogger<DemoSeeder>.Instance);
            await seeder.SeedAsync(CancellationToken.None);
        }

        await using var check = TestRun.Infrastructure.CreateDbContext();
        var perTier = await check.SponsorshipCodes
            .Where(c => c.SponsorId == DemoSeeder.DemoSponsorId)
            .GroupBy(c => c.Tier)
            .Select(g => new { Tier = g.Key, Count = g.Count(), Distinct = g.Select(c => c.Code).Distinct().Count() })
            .ToListAsync();

        Assert.That(perTier.Select(t => t.Tier), Is.EquivalentTo(Enum.GetValues<PackageTier>()));
        Assert.That(perTier.Select(t => t.Count), Has.All.EqualTo(DemoSeeder.CodesPerTier));
        Assert.That(perTier.Select(t => t.Distinct), Has.All.EqualTo(DemoSeeder.CodesPerTier));
    }
}
