using System.Diagnostics;
using System.Net;
using Invitations.Contracts.BulkInvitations;
using Invitations.Data.Persistence.Entities;
using Invitations.Testing;
using Microsoft.EntityFrameworkCore;

namespace Invitations.Api.Tests.Uploads;

public sealed class When_a_valid_file_is_uploaded
{
    [Test]
    public async Task Should_accept_the_job_store_its_rows_and_reserve_its_codes()
    {
        var sponsorId = TestIds.NewSponsorId();
        await Upload.GiveCodesAsync(sponsorId, PackageTier.M, 10);
        await Upload.GiveCodesAsync(sponsorId, PackageTier.XL, 5);
        var rows = DealerFiles.Dealers(3, "m", codeCount: 2);
        rows[3][4] = "XL";
        using var client = TestRun.Api.CreateSponsorClient(sponsorId);

        using var response = await Upload.PostAsync(client, DealerFiles.Xlsx(rows), fields: new Dictionary<string, string> { ["useRowSpecificCounts"] = "true" });
        var body = await Upload.JsonAsync(response);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Accepted), body.ToString());
        var jobId = body.GetProperty("jobId").GetGuid();
        Assert.That(body.GetProperty("status").GetString(), Is.EqualTo("Pending"));
        Assert.That(body.GetProperty("totalDealers").GetInt32(), Is.EqualTo(3));
        Assert.That(body.GetProperty("statusUrl").GetString(), Is.EqualTo($"/api/v1/bulk-invitations/{jobId}"));
        Assert.That(response.Headers.Location?.ToString(), Is.EqualTo($"/api/v1/bulk-invitations/{jobId}"));

        await using var db = TestRun.Infrastructure.CreateDbContext();
        var job = await db.BulkInvitationJobs.SingleAsync(j => j.Id == jobId);
        var stored = await db.BulkInvitationRows.Where(r => r.JobId == jobId).OrderBy(r => r.RowNumber).ToListAsync();
        var reserved = await db.SponsorshipCodes.Where(c => c.ReservedByJobId == jobId).GroupBy(c => c.Tier).ToDictionaryAsync(g => g.Key, g => g.Count());
        Assert.That(job, Has.Property("Status").EqualTo(BulkJobStatus.Pending).And.Property("CodesReserved").EqualTo(6).And.Property("SponsorId").EqualTo(sponsorId));
        Assert.That(stored.Select(r => (r.RowNumber, r.Tier, r.CodeCount, r.Status)), Is.EqualTo(new[]
        {
            (2, PackageTier.M, 2, RowStatus.Pending), (3, PackageTier.M, 2, RowStatus.Pending), (4, PackageTier.XL, 2, RowStatus.Pending),
        }));
        Assert.That(stored[0].Phone, Is.EqualTo("+905321000000"));
        Assert.That(reserved, Is.EqualTo(new Dictionary<PackageTier, int> { [PackageTier.M] = 4, [PackageTier.XL] = 2 }));
        Assert.That(job.SubmittedPublishedAt, Is.Not.Null, "BulkInvitationSubmitted was published after the commit");
    }

    [Test]
    public async Task Should_accept_two_thousand_dealers_and_report_how_long_it_took()
    {
        var sponsorId = TestIds.NewSponsorId();
        await Upload.GiveCodesAsync(sponsorId, PackageTier.S, 2_000);
        var file = DealerFiles.Xlsx(DealerFiles.Dealers(2_000, "S"));
        using var client = TestRun.Api.CreateSponsorClient(sponsorId);
        await WarmUpAsync();

        var watch = Stopwatch.StartNew();
        using var response = await Upload.PostAsync(client, file);
        watch.Stop();

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Accepted), await response.Content.ReadAsStringAsync());
        var jobId = (await Upload.JsonAsync(response)).GetProperty("jobId").GetGuid();
        await using var db = TestRun.Infrastructure.CreateDbContext();
        Assert.That(await db.BulkInvitationRows.CountAsync(r => r.JobId == jobId), Is.EqualTo(2_000));
        Assert.That(await db.SponsorshipCodes.CountAsync(c => c.ReservedByJobId == jobId), Is.EqualTo(2_000));
        await TestContext.Out.WriteLineAsync($"2,000-row upload ({file.Length:N0} bytes): {watch.Elapsed.TotalMilliseconds:F0} ms end to end");
    }

    /// <summary>One small upload of another sponsor first, so the measurement is of a warm process (JIT, EF, broker exchanges).</summary>
    private static async Task WarmUpAsync()
    {
        var sponsorId = TestIds.NewSponsorId();
        await Upload.GiveCodesAsync(sponsorId, PackageTier.S, 2);
        using var client = TestRun.Api.CreateSponsorClient(sponsorId);
        using var response = await Upload.PostAsync(client, DealerFiles.Xlsx(DealerFiles.Dealers(2, "S")));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Accepted));
    }
}
