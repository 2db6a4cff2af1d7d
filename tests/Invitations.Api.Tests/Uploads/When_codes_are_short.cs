using System.Net;
using Invitations.Contracts.BulkInvitations;
using Invitations.Testing;
using Microsoft.EntityFrameworkCore;

namespace Invitations.Api.Tests.Uploads;

public sealed class When_codes_are_short
{
    [Test]
    public async Task Should_answer_409_per_tier_and_store_nothing()
    {
        var sponsorId = TestIds.NewSponsorId();
        await Upload.GiveCodesAsync(sponsorId, PackageTier.S, 10);
        await Upload.GiveCodesAsync(sponsorId, PackageTier.L, 1);
        var rows = DealerFiles.Dealers(4, "S", codeCount: 2);
        rows[3][4] = "L";
        rows[4][4] = "L";
        using var client = TestRun.Api.CreateSponsorClient(sponsorId);

        using var response = await Upload.PostAsync(client, DealerFiles.Xlsx(rows), fields: new Dictionary<string, string> { ["useRowSpecificCounts"] = "true" });
        var body = await Upload.JsonAsync(response);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Conflict), body.ToString());
        var shortages = body.GetProperty("shortages").EnumerateArray()
            .Select(s => (s.GetProperty("tier").GetString(), s.GetProperty("required").GetInt32(), s.GetProperty("available").GetInt32()));
        Assert.That(shortages, Is.EqualTo(new[] { ("S", 4, 10), ("L", 4, 1) }));
        await using var db = TestRun.Infrastructure.CreateDbContext();
        Assert.That(await db.BulkInvitationJobs.AnyAsync(j => j.SponsorId == sponsorId), Is.False);
        Assert.That(await db.SponsorshipCodes.CountAsync(c => c.SponsorId == sponsorId && c.ReservedByJobId != null), Is.Zero);
    }

    [Test]
    public async Task Should_let_only_one_of_two_racing_uploads_have_the_codes()
    {
        var sponsorId = TestIds.NewSponsorId();
        await Upload.GiveCodesAsync(sponsorId, PackageTier.M, 150);
        using var client = TestRun.Api.CreateSponsorClient(sponsorId);
        var files = Enumerable.Range(0, 2).Select(_ => DealerFiles.Xlsx(DealerFiles.Dealers(100, "M"))).ToList();

        var responses = await Task.WhenAll(files.Select(f => Upload.PostAsync(client, f)));

        Assert.That(responses.Select(r => r.StatusCode), Is.EquivalentTo(new[] { HttpStatusCode.Accepted, HttpStatusCode.Conflict }));
        await using var db = TestRun.Infrastructure.CreateDbContext();
        Assert.That(await db.SponsorshipCodes.CountAsync(c => c.SponsorId == sponsorId && c.ReservedByJobId != null), Is.EqualTo(100));
        Assert.That(await db.BulkInvitationJobs.CountAsync(j => j.SponsorId == sponsorId), Is.EqualTo(1));
        foreach (var response in responses)
        {
            response.Dispose();
        }
    }
}
