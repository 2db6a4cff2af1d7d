using Invitations.System.Tests.Support;
using Invitations.Testing;
using Invitations.Testing.Sms;
using Invitations.Testing.Sponsors;

namespace Invitations.System.Tests.ScaleOut;

/// <summary>
/// Scale comes from more processes against the same RabbitMQ and PostgreSQL: two Workers compete for one
/// job's dealers, the upload goes through one Api and the sponsor watches through the other. Each Worker sends
/// its SMS over the Http provider to a gateway stub process of its own, so the stubs tell who sent what.
/// </summary>
public sealed class When_two_workers_and_two_apis_share_a_job
{
    private const int Dealers = 1_000;

    private static readonly Dictionary<string, string?> Settings = new()
    {
        ["Logging:LogLevel:Default"] = "Warning",
    };

    [Test]
    public async Task Should_invite_every_dealer_once_with_both_workers_and_report_through_the_other_api()
    {
        await using var uploadApi = ServiceProcess.Api(TestRun.Infrastructure, Settings);
        await using var watchApi = ServiceProcess.Api(TestRun.Infrastructure, Settings);
        await using var gateway1 = await SmsGatewayStub.StartAsync();
        await using var gateway2 = await SmsGatewayStub.StartAsync();
        await using var worker1 = ServiceProcess.Worker(TestRun.Infrastructure, WorkerSettings(gateway1));
        await using var worker2 = ServiceProcess.Worker(TestRun.Infrastructure, WorkerSettings(gateway2));
        await Task.WhenAll(uploadApi.StartAsync(), watchApi.StartAsync(), worker1.StartAsync(), worker2.StartAsync());
        var sponsor = TestIds.NewSponsorId();
        await SponsorClient.IssueCodesAsync(uploadApi.BaseAddress, sponsor, "M", Dealers);
        await using var client = await SponsorClient.ConnectAsync(uploadApi.BaseAddress, sponsor, hubAddress: watchApi.BaseAddress);

        var (jobId, _) = await client.UploadAsync(DealerFile.Create(Dealers));
        await client.CompletionAsync(jobId).WaitAsync(TimeSpan.FromMinutes(3));

        await using var dataSource = TestRun.Infrastructure.CreateDataSource();
        await JobInvariants.AssertHoldAsync(dataSource, jobId, sponsor, codesIssued: Dealers);
        var processed = client.Progress(jobId).Select(p => p.GetProperty("processedDealers").GetInt32()).ToList();
        Assert.That(processed, Is.Not.Empty, "progress reached the sponsor through the other Api");
        Assert.That(processed, Is.Ordered, "progress never goes back");
        Assert.That(processed[^1], Is.EqualTo(Dealers));

        var byWorker1 = await gateway1.AcceptedAsync();
        var byWorker2 = await gateway2.AcceptedAsync();
        Assert.That(byWorker1, Is.Not.Empty, "the first worker did part of the job");
        Assert.That(byWorker2, Is.Not.Empty, "the second worker did part of the job");
        var perPhone = byWorker1.Concat(byWorker2).GroupBy(s => s.To, StringComparer.Ordinal).ToList();
        Assert.That(perPhone, Has.Count.EqualTo(Dealers), "every dealer got an SMS");
        Assert.That(perPhone.Select(g => g.Count()), Is.All.EqualTo(1), "one SMS per dealer across both workers");
    }

    private static Dictionary<string, string?> WorkerSettings(SmsGatewayStub gateway) =>
        new(Settings.Concat(gateway.WorkerSettings));
}
