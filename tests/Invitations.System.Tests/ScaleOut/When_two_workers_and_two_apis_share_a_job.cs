using System.Text.RegularExpressions;
using Invitations.System.Tests.Support;
using Invitations.Testing;
using Invitations.Testing.Sponsors;

namespace Invitations.System.Tests.ScaleOut;

/// <summary>
/// Scale comes from more processes against the same RabbitMQ and PostgreSQL: two Workers compete for one
/// job's dealers, the upload goes through one Api and the sponsor watches through the other.
/// </summary>
public sealed partial class When_two_workers_and_two_apis_share_a_job
{
    private const int Dealers = 1_000;

    private static readonly Dictionary<string, string?> Settings = new()
    {
        ["Sms:Provider"] = "Log",
        ["Logging:LogLevel:Default"] = "Warning",
        ["Logging:LogLevel:Invitations.Worker.Sms.LogSmsSender"] = "Information",
    };

    [Test]
    public async Task Should_invite_every_dealer_once_with_both_workers_and_report_through_the_other_api()
    {
        await using var uploadApi = ServiceProcess.Api(TestRun.Infrastructure, Settings);
        await using var watchApi = ServiceProcess.Api(TestRun.Infrastructure, Settings);
        await using var worker1 = ServiceProcess.Worker(TestRun.Infrastructure, Settings);
        await using var worker2 = ServiceProcess.Worker(TestRun.Infrastructure, Settings);
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

        var byWorker1 = SmsLines(worker1, jobId);
        var byWorker2 = SmsLines(worker2, jobId);
        Assert.That(byWorker1, Is.Positive, "the first worker did part of the job");
        Assert.That(byWorker2, Is.Positive, "the second worker did part of the job");
        Assert.That(byWorker1 + byWorker2, Is.EqualTo(Dealers), "one SMS per dealer across both workers");
    }

    private static int SmsLines(ServiceProcess worker, Guid jobId) =>
        worker.Output.Count(line => SmsLine().IsMatch(line) && line.Contains(jobId.ToString(), StringComparison.OrdinalIgnoreCase));

    [GeneratedRegex("SMS \\(log provider\\) to")]
    private static partial Regex SmsLine();
}
