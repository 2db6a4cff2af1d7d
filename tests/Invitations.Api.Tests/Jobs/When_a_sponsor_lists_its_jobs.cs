using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Invitations.Contracts.BulkInvitations;
using Invitations.Data.Persistence.Entities;
using Invitations.Testing;

namespace Invitations.Api.Tests.Jobs;

public sealed class When_a_sponsor_lists_its_jobs
{
    [Test]
    public async Task Should_page_its_own_jobs_newest_first()
    {
        var sponsorId = TestIds.NewSponsorId();
        var jobs = new List<Guid>();
        for (var i = 0; i < 3; i++)
        {
            jobs.Add((await JobSeed.CreateAsync(sponsorId, rows: 1)).Id);
        }

        await JobSeed.CreateAsync(TestIds.NewSponsorId(), rows: 1);
        using var client = TestRun.Api.CreateSponsorClient(sponsorId);

        var first = await client.GetFromJsonAsync<JsonElement>("/api/v1/bulk-invitations?page=1&pageSize=2");
        var second = await client.GetFromJsonAsync<JsonElement>("/api/v1/bulk-invitations?page=2&pageSize=2");

        var ids = first.GetProperty("items").EnumerateArray().Concat(second.GetProperty("items").EnumerateArray())
            .Select(j => j.GetProperty("jobId").GetGuid()).ToList();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(first.GetProperty("total").GetInt32(), Is.EqualTo(3));
            Assert.That(first.GetProperty("pageSize").GetInt32(), Is.EqualTo(2));
            Assert.That(ids, Is.EqualTo(Enumerable.Reverse(jobs).ToList()));
        }
    }

    [Test]
    public async Task Should_filter_by_status()
    {
        var sponsorId = TestIds.NewSponsorId();
        var done = await JobSeed.CreateAsync(sponsorId, rows: 1);
        await JobSeed.FinishAsync(done, BulkJobStatus.Completed, (2, RowStatus.Succeeded, null));
        await JobSeed.CreateAsync(sponsorId, rows: 1);
        using var client = TestRun.Api.CreateSponsorClient(sponsorId);

        var body = await client.GetFromJsonAsync<JsonElement>("/api/v1/bulk-invitations?status=Completed");
        using var invalid = await client.GetAsync("/api/v1/bulk-invitations?status=Sleeping");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(body.GetProperty("items").EnumerateArray().Select(j => j.GetProperty("jobId").GetGuid()), Is.EqualTo(new[] { done.Id }));
            Assert.That(invalid.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        }
    }
}
