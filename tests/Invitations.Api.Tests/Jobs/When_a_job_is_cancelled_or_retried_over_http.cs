using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Invitations.Contracts.BulkInvitations;
using Invitations.Data.Persistence.Entities;
using Invitations.Testing;

namespace Invitations.Api.Tests.Jobs;

public sealed class When_a_job_is_cancelled_or_retried_over_http
{
    [Test]
    public async Task Should_accept_a_cancel_of_a_running_job_and_refuse_one_of_an_ended_job()
    {
        var sponsorId = TestIds.NewSponsorId();
        var running = await JobSeed.CreateAsync(sponsorId);
        await JobSeed.FinishAsync(running, BulkJobStatus.Processing);
        var ended = await JobSeed.CreateAsync(sponsorId, rows: 1);
        await JobSeed.FinishAsync(ended, BulkJobStatus.Completed, (2, RowStatus.Succeeded, null));
        using var client = TestRun.Api.CreateSponsorClient(sponsorId);

        using var accepted = await client.PostAsync($"/api/v1/bulk-invitations/{running.Id}/cancel", null);
        using var conflict = await client.PostAsync($"/api/v1/bulk-invitations/{ended.Id}/cancel", null);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(accepted.StatusCode, Is.EqualTo(HttpStatusCode.Accepted));
            Assert.That(conflict.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
            Assert.That(conflict.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
        }
    }

    [Test]
    public async Task Should_accept_a_retry_only_when_the_job_has_failed_rows()
    {
        var sponsorId = TestIds.NewSponsorId();
        var partial = await JobSeed.CreateAsync(sponsorId, rows: 2);
        await JobSeed.FinishAsync(partial, BulkJobStatus.PartialSuccess, (2, RowStatus.Succeeded, null), (3, RowStatus.Failed, "timeout"));
        var clean = await JobSeed.CreateAsync(sponsorId, rows: 1);
        await JobSeed.FinishAsync(clean, BulkJobStatus.Completed, (2, RowStatus.Succeeded, null));
        using var client = TestRun.Api.CreateSponsorClient(sponsorId);

        using var accepted = await client.PostAsync($"/api/v1/bulk-invitations/{partial.Id}/retry-failed", null);
        using var conflict = await client.PostAsync($"/api/v1/bulk-invitations/{clean.Id}/retry-failed", null);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(accepted.StatusCode, Is.EqualTo(HttpStatusCode.Accepted));
            Assert.That(conflict.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
        }
    }

    [Test]
    public async Task Should_say_why_a_command_was_refused_in_the_callers_language()
    {
        var sponsorId = TestIds.NewSponsorId();
        var ended = await JobSeed.CreateAsync(sponsorId, rows: 1);
        await JobSeed.FinishAsync(ended, BulkJobStatus.Completed, (2, RowStatus.Succeeded, null));
        var running = await JobSeed.CreateAsync(sponsorId, rows: 2);
        await JobSeed.FinishAsync(running, BulkJobStatus.Processing, (2, RowStatus.Failed, "timeout"));
        var cancelled = await JobSeed.CreateAsync(sponsorId, rows: 2);
        await JobSeed.FinishAsync(cancelled, BulkJobStatus.Cancelled, (2, RowStatus.Failed, "timeout"), (3, RowStatus.Skipped, null));
        using var client = TestRun.Api.CreateSponsorClient(sponsorId);

        var endedTr = await RefusalAsync(client, $"/api/v1/bulk-invitations/{ended.Id}/cancel", "tr-TR");
        var endedEn = await RefusalAsync(client, $"/api/v1/bulk-invitations/{ended.Id}/cancel", "en");
        var stillRunning = await RefusalAsync(client, $"/api/v1/bulk-invitations/{running.Id}/retry-failed", "tr");
        var cancelledRetry = await RefusalAsync(client, $"/api/v1/bulk-invitations/{cancelled.Id}/retry-failed", "en-GB");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(endedTr.Code, Is.EqualTo("ended"));
            Assert.That(endedTr.Detail, Does.Contain("zaten sona erdi").And.Contain("Completed"));
            Assert.That(endedEn.Code, Is.EqualTo("ended"));
            Assert.That(endedEn.Detail, Does.Contain("already Completed"));
            Assert.That(stillRunning.Code, Is.EqualTo("still-running"), "a running job's failed rows wait for its end");
            Assert.That(stillRunning.Detail, Does.Contain("hâlâ sürüyor"));
            Assert.That(cancelledRetry.Code, Is.EqualTo("cancelled"), "a cancelled job is not retried, even with failed rows");
            Assert.That(cancelledRetry.Detail, Does.Contain("cancelled job"));
        }
    }

    private static async Task<(string? Code, string? Detail)> RefusalAsync(HttpClient client, string path, string language)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path);
        request.Headers.AcceptLanguage.ParseAdd(language);
        using var response = await client.SendAsync(request);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Conflict), path);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        return (problem.GetProperty("code").GetString(), problem.GetProperty("detail").GetString());
    }
}
