using System.Net;
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
}
