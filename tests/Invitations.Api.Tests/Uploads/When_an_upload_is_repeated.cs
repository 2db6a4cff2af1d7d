using System.Net;
using Invitations.Contracts.BulkInvitations;
using Invitations.Testing;
using Microsoft.EntityFrameworkCore;

namespace Invitations.Api.Tests.Uploads;

public sealed class When_an_upload_is_repeated
{
    [Test]
    public async Task Should_return_the_first_job_for_the_same_key_and_file()
    {
        var (client, file) = await SponsorWithFileAsync();
        var key = Guid.NewGuid().ToString();

        using var first = await Upload.PostAsync(client, file, idempotencyKey: key);
        using var second = await Upload.PostAsync(client, file, idempotencyKey: key);

        Assert.That(first.StatusCode, Is.EqualTo(HttpStatusCode.Accepted));
        Assert.That(second.StatusCode, Is.EqualTo(HttpStatusCode.Accepted));
        var jobId = (await Upload.JsonAsync(first)).GetProperty("jobId").GetGuid();
        Assert.That((await Upload.JsonAsync(second)).GetProperty("jobId").GetGuid(), Is.EqualTo(jobId));
        await using var db = TestRun.Infrastructure.CreateDbContext();
        Assert.That(await db.SponsorshipCodes.CountAsync(c => c.ReservedByJobId == jobId), Is.EqualTo(2));
        client.Dispose();
    }

    [Test]
    public async Task Should_answer_422_for_the_same_key_with_another_file()
    {
        var (client, file) = await SponsorWithFileAsync();
        var key = Guid.NewGuid().ToString();

        using var first = await Upload.PostAsync(client, file, idempotencyKey: key);
        using var second = await Upload.PostAsync(client, DealerFiles.Xlsx(DealerFiles.Dealers(1, "S")), idempotencyKey: key);

        Assert.That(first.StatusCode, Is.EqualTo(HttpStatusCode.Accepted));
        Assert.That(second.StatusCode, Is.EqualTo(HttpStatusCode.UnprocessableEntity));
        client.Dispose();
    }

    [Test]
    public async Task Should_answer_409_pointing_at_the_running_job_for_the_same_file_without_a_key()
    {
        var (client, file) = await SponsorWithFileAsync();

        using var first = await Upload.PostAsync(client, file);
        using var second = await Upload.PostAsync(client, file);
        var body = await Upload.JsonAsync(second);

        var jobId = (await Upload.JsonAsync(first)).GetProperty("jobId").GetGuid();
        Assert.That(second.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
        Assert.That(body.GetProperty("jobId").GetGuid(), Is.EqualTo(jobId));
        Assert.That(body.GetProperty("statusUrl").GetString(), Is.EqualTo($"/api/v1/bulk-invitations/{jobId}"));
        client.Dispose();
    }

    [Test]
    public async Task Should_report_a_dry_run_and_store_nothing()
    {
        var sponsorId = TestIds.NewSponsorId();
        await Upload.GiveCodesAsync(sponsorId, PackageTier.S, 3);
        var rows = DealerFiles.Dealers(3, "S", codeCount: 2);
        rows[3][0] = "kirik";
        using var client = TestRun.Api.CreateSponsorClient(sponsorId);

        using var response = await Upload.PostAsync(client, DealerFiles.Xlsx(rows), fields: new Dictionary<string, string>
        {
            ["dryRun"] = "true",
            ["useRowSpecificCounts"] = "true",
        });
        var body = await Upload.JsonAsync(response);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), body.ToString());
        Assert.That(body.GetProperty("rows").GetInt32(), Is.EqualTo(3));
        Assert.That(body.GetProperty("validRows").GetInt32(), Is.EqualTo(2));
        Assert.That(body.GetProperty("errors").GetArrayLength(), Is.EqualTo(1));
        var codes = body.GetProperty("codes")[0];
        Assert.That((codes.GetProperty("tier").GetString(), codes.GetProperty("required").GetInt32(), codes.GetProperty("available").GetInt32()), Is.EqualTo(("S", 4, 3)));
        await using var db = TestRun.Infrastructure.CreateDbContext();
        Assert.That(await db.BulkInvitationJobs.AnyAsync(j => j.SponsorId == sponsorId), Is.False);
    }

    private static async Task<(HttpClient Client, byte[] File)> SponsorWithFileAsync()
    {
        var sponsorId = TestIds.NewSponsorId();
        await Upload.GiveCodesAsync(sponsorId, PackageTier.M, 10);
        return (TestRun.Api.CreateSponsorClient(sponsorId), DealerFiles.Xlsx(DealerFiles.Dealers(2, "M")));
    }
}
