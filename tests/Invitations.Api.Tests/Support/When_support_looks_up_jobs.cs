using System.Net;
using System.Net.Http.Json;
using Invitations.Api.Support;
using Invitations.Api.Tests.Hubs;
using Invitations.Contracts.BulkInvitations;
using Invitations.Data.Persistence.Entities;
using Invitations.Testing;

namespace Invitations.Api.Tests.Support;

public sealed class When_support_looks_up_jobs
{
    [Test]
    public async Task Should_find_a_job_by_a_dealers_email_in_any_casing()
    {
        var sponsorId = TestIds.NewSponsorId();
        var job = await JobSeed.JobAsync(TestRun.Infrastructure, sponsorId);
        await JobSeed.JobAsync(TestRun.Infrastructure, TestIds.NewSponsorId());
        using var client = TestRun.Api.CreateSupportClient();

        var list = await client.GetFromJsonAsync<SupportJobList>($"/api/v1/support/bulk-invitations?q={Uri.EscapeDataString($"  BAYI2.{sponsorId}@Example.COM ")}");

        Assert.That(list!.Items.Select(i => i.JobId), Is.EqualTo(new[] { job.Id }));
        Assert.That(list.Items[0].SponsorId, Is.EqualTo(sponsorId));
    }

    [TestCase("BAYİ2.{0}@EXAMPLE.COM")]
    [TestCase("bayı2.{0}@example.com")]
    [TestCase("BAYı2.{0}@Example.com")]
    public async Task Should_find_a_job_by_a_dealers_email_written_with_the_Turkish_dotted_or_dotless_i(string written)
    {
        // Stored as bayi2.…@example.com: the upload folds İ and ı to i, and so must the search.
        var sponsorId = TestIds.NewSponsorId();
        var job = await JobSeed.JobAsync(TestRun.Infrastructure, sponsorId);
        using var client = TestRun.Api.CreateSupportClient();
        var q = string.Format(System.Globalization.CultureInfo.InvariantCulture, written, sponsorId);

        var list = await client.GetFromJsonAsync<SupportJobList>($"/api/v1/support/bulk-invitations?q={Uri.EscapeDataString(q)}");

        Assert.That(list!.Items.Select(i => i.JobId), Is.EqualTo(new[] { job.Id }));
    }

    [Test]
    public async Task Should_find_a_job_by_a_dealers_phone_written_the_local_way()
    {
        var sponsorId = TestIds.NewSponsorId();
        var job = await JobSeed.JobAsync(TestRun.Infrastructure, sponsorId);
        await using var db = TestRun.Infrastructure.CreateDbContext();
        var phone = db.BulkInvitationRows.Where(r => r.JobId == job.Id).OrderBy(r => r.RowNumber).Select(r => r.Phone).First();
        var local = $"0 ({phone[3..6]}) {phone[6..9]} {phone[9..11]} {phone[11..]}";
        using var client = TestRun.Api.CreateSupportClient();

        var list = await client.GetFromJsonAsync<SupportJobList>($"/api/v1/support/bulk-invitations?q={Uri.EscapeDataString(local)}");

        Assert.That(list!.Items.Select(i => i.JobId), Does.Contain(job.Id));
    }

    [Test]
    public async Task Should_filter_by_state_and_sponsor()
    {
        var sponsorId = TestIds.NewSponsorId();
        var failed = await JobSeed.JobAsync(TestRun.Infrastructure, sponsorId, status: BulkJobStatus.Failed);
        await JobSeed.JobAsync(TestRun.Infrastructure, sponsorId, status: BulkJobStatus.Completed);
        using var client = TestRun.Api.CreateSupportClient();

        var list = await client.GetFromJsonAsync<SupportJobList>($"/api/v1/support/bulk-invitations?state=failed&sponsorId={sponsorId}");

        Assert.That(list!.Items.Select(i => i.JobId), Is.EqualTo(new[] { failed.Id }));
        Assert.That(list.Total, Is.EqualTo(1));
    }

    [Test]
    public async Task Should_reject_an_unknown_state()
    {
        using var client = TestRun.Api.CreateSupportClient();

        using var response = await client.GetAsync("/api/v1/support/bulk-invitations?state=Exploded");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
    }

    [Test]
    public async Task Should_forbid_a_sponsor()
    {
        var sponsorId = TestIds.NewSponsorId();
        var job = await JobSeed.JobAsync(TestRun.Infrastructure, sponsorId);
        using var client = TestRun.Api.CreateSponsorClient(sponsorId);

        using var search = await client.GetAsync("/api/v1/support/bulk-invitations");
        using var detail = await client.GetAsync($"/api/v1/support/bulk-invitations/{job.Id}");

        Assert.That(search.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(detail.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
    }

    [Test]
    public async Task Should_ask_an_anonymous_caller_to_sign_in()
    {
        using var client = TestRun.Api.CreateClient();

        using var response = await client.GetAsync("/api/v1/support/bulk-invitations");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
    }

    [Test]
    public async Task Should_answer_not_found_for_an_unknown_job()
    {
        using var client = TestRun.Api.CreateSupportClient();

        using var response = await client.GetAsync($"/api/v1/support/bulk-invitations/{Guid.NewGuid()}");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [Test]
    public async Task Should_show_a_job_with_its_saga_rows_failed_first_timeline_and_operator()
    {
        var sponsorId = TestIds.NewSponsorId();
        var job = await JobSeed.JobAsync(TestRun.Infrastructure, sponsorId, totalDealers: 4, BulkJobStatus.Processing,
            rowStatus: row => row == 3 ? RowStatus.Failed : row == 1 ? RowStatus.Succeeded : RowStatus.Pending, withSaga: true);
        var messageId = Guid.NewGuid();
        var at = DateTimeOffset.UtcNow;
        await JobSeed.TimelineAsync(TestRun.Infrastructure, job.Id,
            new SagaTimelineEntry { At = at, Event = "BulkInvitationSubmitted", FromState = "Initial", ToState = "Processing", MessageId = messageId },
            new SagaTimelineEntry { At = at.AddSeconds(1), Event = "DealerInvitationFailed", Detail = "row 4: sms_rejected" },
            new SagaTimelineEntry { At = at.AddSeconds(2), Event = "RetryFailedDealers", Actor = "support-ayse", Detail = "1 row" });
        using var client = TestRun.Api.CreateSupportClient();

        var detail = await client.GetFromJsonAsync<SupportJobDetail>($"/api/v1/support/bulk-invitations/{job.Id}");

        Assert.That(detail!.Saga!.CurrentState, Is.EqualTo("Processing"));
        Assert.That(detail.Saga.Version, Is.EqualTo(4));
        Assert.That(detail.Saga.ProcessedDealers, Is.EqualTo(2));
        Assert.That(detail.Rows.Select(r => r.Status), Is.EqualTo(new[] { "Failed", "Succeeded", "Pending", "Pending" }));
        Assert.That(detail.Rows[0].Error, Is.EqualTo("The SMS provider rejected the number."));
        Assert.That(detail.Rows[0].Attempts, Is.EqualTo(1));
        Assert.That(detail.Timeline.Select(t => t.Event), Is.EqualTo(new[] { "BulkInvitationSubmitted", "DealerInvitationFailed", "RetryFailedDealers" }));
        Assert.That(detail.Timeline[0].MessageId, Is.EqualTo(messageId));
        Assert.That(detail.Timeline[0].ToState, Is.EqualTo("Processing"));
        Assert.That(detail.OperatorActions.Select(a => a.Actor), Is.EqualTo(new[] { "support-ayse" }));
    }

    [Test]
    public async Task Should_show_a_job_before_its_saga_starts()
    {
        var job = await JobSeed.JobAsync(TestRun.Infrastructure, TestIds.NewSponsorId());
        using var client = TestRun.Api.CreateSupportClient();

        var detail = await client.GetFromJsonAsync<SupportJobDetail>($"/api/v1/support/bulk-invitations/{job.Id}");

        Assert.That(detail!.Status, Is.EqualTo("Pending"));
        Assert.That(detail.Saga, Is.Null);
        Assert.That(detail.Rows, Has.Count.EqualTo(3));
    }
}
