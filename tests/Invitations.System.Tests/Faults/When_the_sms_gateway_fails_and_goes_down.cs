using System.Globalization;
using Invitations.Testing;
using Invitations.Testing.Logging;

namespace Invitations.System.Tests.Faults;

public sealed class When_the_sms_gateway_fails_and_goes_down
{
    private const int Dealers = 200;

    [Test]
    public async Task Should_complete_every_row_with_one_sms_per_dealer()
    {
        await using var gateway = await FlakySmsGateway.StartAsync();
        await using var rig = await FaultRig.StartAsync(new Dictionary<string, string?>
        {
            ["Sms:Provider"] = "Http",
            ["Sms:Http:Url"] = gateway.Url,
            ["Sms:Http:Username"] = "invitations",
            ["Sms:Http:Password"] = "test",

            // The production schedule (30 s, 2 min, 10 min) outlasts a 30 s outage by far but not a 90 s test:
            // 2+5+10+20+30 s after the in-memory retries still covers it.
            ["Dealers:RedeliveryIntervals"] = "00:00:02,00:00:05,00:00:10,00:00:20,00:00:30",

            // The rig's 15 s stall timeout fires during the outage: the saga dispatches the waiting rows again
            // while their first delivery waits for a redelivery, and still no dealer gets a second SMS.
        });
        gateway.Current = FlakySmsGateway.Mode.FailingHalf;

        var jobId = await rig.UploadAsync(Dealers);
        await rig.WaitUntilProcessedAsync(jobId, atLeast: 20);
        gateway.Current = FlakySmsGateway.Mode.Down;
        var refusedBefore = gateway.Refused;
        await Task.Delay(TimeSpan.FromSeconds(30));
        var refusedWhileDown = gateway.Refused - refusedBefore;
        gateway.Current = FlakySmsGateway.Mode.Up;
        var status = await rig.WaitUntilFinalAsync(jobId, TimeSpan.FromSeconds(90));

        await TestContext.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"gateway requests {gateway.Requests}, refused {gateway.Refused} ({refusedWhileDown} while down), delivered {gateway.Delivered.Count}"));
        Assert.That(refusedWhileDown, Is.Positive, "the outage hit the job while it was running");
        Assert.That(await RedispatchesAsync(rig, jobId), Is.Positive, "the stall check dispatched waiting rows again during the outage");
        Assert.That(status.GetProperty("status").GetString(), Is.EqualTo("Completed"), status.ToString());
        Assert.That(status.GetProperty("successfulInvitations").GetInt32(), Is.EqualTo(Dealers));
        Assert.That(gateway.Delivered, Has.Count.EqualTo(Dealers));
        Assert.That(gateway.Delivered.Values, Has.All.EqualTo(1), "exactly one accepted SMS per dealer");
        await rig.AssertInvariantsAsync(jobId);
        LogScan.AssertNoPersonalData(rig.Output);
    }

    private static async Task<long> RedispatchesAsync(FaultRig rig, Guid jobId)
    {
        await using var command = rig.DataSource.CreateCommand(
            "SELECT count(*) FROM saga_timeline WHERE job_id = @job AND event = 'BulkInvitationStallCheck' AND detail LIKE '%dispatched again%'");
        command.Parameters.AddWithValue("job", jobId);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
