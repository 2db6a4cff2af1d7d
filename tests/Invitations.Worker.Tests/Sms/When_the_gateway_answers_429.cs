using System.Globalization;
using Invitations.Contracts.BulkInvitations;
using Invitations.Data.Persistence.Entities;
using Invitations.Testing.BulkJobs;
using Invitations.Worker.Tests.Dealers;
using Microsoft.EntityFrameworkCore;

namespace Invitations.Worker.Tests.Sms;

/// <summary>
/// A 429 is the gateway asking to slow down, not a fault: with no retries and no redeliveries left to spend,
/// every row still succeeds and every dealer gets exactly one SMS, whatever the 429 says about when to come back.
/// </summary>
[TestFixture("none")]
[TestFixture("seconds")]
[TestFixture("date")]
public sealed class When_the_gateway_answers_429(string retryAfter)
{
    private ThrottlingGatewayStub _gateway = null!;
    private WorkerHost _worker = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _gateway = await ThrottlingGatewayStub.StartAsync();
        _gateway.RetryAfter = retryAfter switch
        {
            "seconds" => _ => "1",
            "date" => now => now.AddSeconds(2).ToString("R", CultureInfo.InvariantCulture),
            _ => _ => null,
        };
        _worker = await WorkerHost.StartAsync(new Dictionary<string, string?>
        {
            ["Sms:Provider"] = "Http",
            ["Sms:Http:Url"] = _gateway.Url,
            ["Sms:RatePerSecond"] = "50",
            ["Sms:ThrottleBackoff"] = "00:00:00.200",

            // A 429 counted as a fault would fail its row at once.
            ["Dealers:RetryLimit"] = "0",
            ["Dealers:RedeliveryIntervals"] = string.Empty,
        });
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        await _worker.DisposeAsync();
        await _gateway.DisposeAsync();
    }

    [Test]
    public async Task Should_send_every_sms_once_and_fail_no_row()
    {
        var job = await new TestJobBuilder(TestRun.Infrastructure).WithRows(6).CreateAsync();
        _gateway.ThrottleNext(4);
        await _worker.Bus.Publish(TestJobBuilder.Submitted(job));

        var completed = await _worker.CompletionAsync(job.Id);
        await using var db = TestRun.Infrastructure.CreateDbContext();
        var rows = await db.BulkInvitationRows.Where(r => r.JobId == job.Id).ToListAsync();
        var ids = await db.DealerInvitations.Where(i => i.BulkJobId == job.Id).Select(i => i.SmsProviderMessageId).ToListAsync();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(_gateway.Throttled, Is.EqualTo(4), "the gateway did throttle");
            Assert.That(completed.Status, Is.EqualTo(BulkJobStatus.Completed));
            Assert.That(rows.Select(r => r.Status), Is.All.EqualTo(RowStatus.Succeeded));
            Assert.That(rows.Select(r => _gateway.Accepted.GetValueOrDefault(r.Phone)?.Count ?? 0), Is.All.EqualTo(1));
            Assert.That(ids, Is.All.StartsWith("gw-"), "the gateway's message ids are kept for its delivery reports");
        }
    }
}
