using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Invitations.Contracts.BulkInvitations;
using Invitations.Data.Persistence.Entities;
using Invitations.Testing;

namespace Invitations.Api.Tests.Jobs;

public sealed class When_a_sponsor_reads_a_job
{
    [Test]
    public async Task Should_answer_the_status_with_the_counters_of_the_contract()
    {
        var sponsorId = TestIds.NewSponsorId();
        var job = await JobSeed.CreateAsync(sponsorId, rows: 4);
        await JobSeed.FinishAsync(job, BulkJobStatus.PartialSuccess,
            (2, RowStatus.Succeeded, null), (3, RowStatus.Succeeded, null), (4, RowStatus.Failed, "sms"), (5, RowStatus.Skipped, null));
        using var client = TestRun.Api.CreateSponsorClient(sponsorId);

        var body = await client.GetFromJsonAsync<JsonElement>($"/api/v1/bulk-invitations/{job.Id}");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(body.EnumerateObject().Select(p => p.Name), Is.EquivalentTo(new[]
            {
                "jobId", "sponsorId", "status", "totalDealers", "processedDealers", "successfulInvitations", "failedInvitations",
                "skippedInvitations", "progressPercentage", "createdAt", "startedAt", "completedAt", "fileName", "invitations",
            }));
            Assert.That(body.GetProperty("status").GetString(), Is.EqualTo("PartialSuccess"));
            Assert.That(body.GetProperty("processedDealers").GetInt32(), Is.EqualTo(4));
            Assert.That(body.GetProperty("successfulInvitations").GetInt32(), Is.EqualTo(2));
            Assert.That(body.GetProperty("failedInvitations").GetInt32(), Is.EqualTo(1));
            Assert.That(body.GetProperty("skippedInvitations").GetInt32(), Is.EqualTo(1));
            Assert.That(body.GetProperty("progressPercentage").GetDouble(), Is.EqualTo(100));
        }
    }

    [Test]
    public async Task Should_answer_pending_with_zeros_before_the_worker_picks_it_up()
    {
        var sponsorId = TestIds.NewSponsorId();
        var job = await JobSeed.CreateAsync(sponsorId);
        using var client = TestRun.Api.CreateSponsorClient(sponsorId);

        var body = await client.GetFromJsonAsync<JsonElement>($"/api/v1/bulk-invitations/{job.Id}");

        Assert.That(body.GetProperty("status").GetString(), Is.EqualTo("Pending"));
        Assert.That(body.GetProperty("processedDealers").GetInt32(), Is.Zero);
    }

    [Test]
    public async Task Should_answer_404_for_another_sponsors_job()
    {
        var job = await JobSeed.CreateAsync(TestIds.NewSponsorId());
        using var client = TestRun.Api.CreateSponsorClient(TestIds.NewSponsorId());

        using var status = await client.GetAsync($"/api/v1/bulk-invitations/{job.Id}");
        using var results = await client.GetAsync($"/api/v1/bulk-invitations/{job.Id}/results?format=csv");
        using var cancel = await client.PostAsync($"/api/v1/bulk-invitations/{job.Id}/cancel", null);
        using var retry = await client.PostAsync($"/api/v1/bulk-invitations/{job.Id}/retry-failed", null);

        Assert.That(new[] { status.StatusCode, results.StatusCode, cancel.StatusCode, retry.StatusCode }, Is.All.EqualTo(HttpStatusCode.NotFound));
    }

    [Test]
    public async Task Should_let_support_read_any_job()
    {
        var job = await JobSeed.CreateAsync(TestIds.NewSponsorId());
        using var client = TestRun.Api.CreateSupportClient();

        using var response = await client.GetAsync($"/api/v1/bulk-invitations/{job.Id}");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }
}
