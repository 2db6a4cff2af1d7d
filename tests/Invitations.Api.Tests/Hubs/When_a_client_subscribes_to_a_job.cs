using Invitations.Api.Jobs;
using Invitations.Contracts.BulkInvitations;
using Invitations.Data.Persistence.Entities;
using Invitations.Testing;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;

namespace Invitations.Api.Tests.Hubs;

public sealed class When_a_client_subscribes_to_a_job
{
    [Test]
    public async Task Should_let_a_sponsor_subscribe_to_its_own_job_and_read_its_status()
    {
        var sponsorId = TestIds.NewSponsorId();
        var job = await JobSeed.JobAsync(TestRun.Infrastructure, sponsorId, totalDealers: 4, BulkJobStatus.Processing, withSaga: true);
        await using var connection = await HubsRun.First.ConnectAsync(HubsRun.First.SponsorToken(sponsorId));

        await connection.InvokeAsync("SubscribeToJob", job.Id);
        var status = await connection.InvokeAsync<BulkInvitationStatusResponse>("GetJobStatus", job.Id);

        Assert.That(status.JobId, Is.EqualTo(job.Id));
        Assert.That(status.Status, Is.EqualTo("Processing"));
        Assert.That(status.ProcessedDealers, Is.EqualTo(2));
        Assert.That(status.ProgressPercentage, Is.EqualTo(50));
        Assert.That(status.FileName, Is.EqualTo(job.FileName));
    }

    [Test]
    public async Task Should_report_a_job_without_a_saga_yet_as_pending_with_zero_counts()
    {
        var sponsorId = TestIds.NewSponsorId();
        var job = await JobSeed.JobAsync(TestRun.Infrastructure, sponsorId, totalDealers: 3);
        await using var connection = await HubsRun.First.ConnectAsync(HubsRun.First.SponsorToken(sponsorId));

        var status = await connection.InvokeAsync<BulkInvitationStatusResponse>("GetJobStatus", job.Id);

        Assert.That(status.Status, Is.EqualTo("Pending"));
        Assert.That(status.TotalDealers, Is.EqualTo(3));
        Assert.That(status.ProcessedDealers, Is.Zero);
        Assert.That(status.ProgressPercentage, Is.Zero);
    }

    [Test]
    public async Task Should_refuse_another_sponsors_job()
    {
        var owner = TestIds.NewSponsorId();
        var job = await JobSeed.JobAsync(TestRun.Infrastructure, owner);
        await using var stranger = await HubsRun.First.ConnectAsync(HubsRun.First.SponsorToken(TestIds.NewSponsorId()));

        var subscribe = await Assert.ThrowsAsync<HubException>(() => stranger.InvokeAsync("SubscribeToJob", job.Id));
        var status = await Assert.ThrowsAsync<HubException>(() => stranger.InvokeAsync<BulkInvitationStatusResponse>("GetJobStatus", job.Id));

        Assert.That(subscribe!.Message, Does.Contain("not found"));
        Assert.That(status!.Message, Does.Contain("not found"));
    }

    [Test]
    public async Task Should_refuse_a_job_that_does_not_exist()
    {
        await using var connection = await HubsRun.First.ConnectAsync(HubsRun.First.SponsorToken(TestIds.NewSponsorId()));

        await Assert.ThrowsAsync<HubException>(() => connection.InvokeAsync("SubscribeToJob", Guid.NewGuid()));
    }

    [Test]
    public async Task Should_let_support_subscribe_to_any_job()
    {
        var job = await JobSeed.JobAsync(TestRun.Infrastructure, TestIds.NewSponsorId(), rowStatus: _ => RowStatus.Succeeded);
        await using var support = await HubsRun.First.ConnectAsync(HubsRun.First.SupportToken());

        await support.InvokeAsync("SubscribeToJob", job.Id);
        var status = await support.InvokeAsync<BulkInvitationStatusResponse>("GetJobStatus", job.Id);

        Assert.That(status.SponsorId, Is.EqualTo(job.SponsorId));
    }

    [Test]
    public async Task Should_refuse_a_connection_without_a_token()
    {
        await Assert.ThrowsAsync<HttpRequestException>(() => HubsRun.First.ConnectAsync(null));
    }
}
