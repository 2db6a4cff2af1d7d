using System.Diagnostics;

namespace Invitations.System.Tests.Faults;

/// <summary>Case 4b: the gateway refuses every second request with 503, then every request for 30 s, then is up.</summary>
public sealed class When_the_sms_gateway_fails_and_goes_down
{
    [Test]
    public async Task Should_complete_every_row_with_one_sms_per_dealer()
    {
        await using var rig = await FaultRig.StartAsync(stubOptions: [("failFraction", 0.5)]);
        var jobId = await rig.UploadAsync(FaultRig.MidJobDealers);
        await rig.WaitUntilProcessedAsync(jobId, 40);

        await rig.Stub.SetModeAsync(new { down = true });
        var leftAtOutage = await rig.RowsLeftAsync(jobId);
        var refusedBefore = (await rig.Stub.StatsAsync()).Down;
        await Task.Delay(TimeSpan.FromSeconds(30));
        var refusedWhileDown = (await rig.Stub.StatsAsync()).Down - refusedBefore;
        await rig.Stub.SetModeAsync(new { down = false, failFraction = 0.0 });
        var sinceFaultEnded = Stopwatch.StartNew();

        Assert.That(leftAtOutage, Is.Positive, "the gateway went down while the job was running");
        Assert.That(refusedWhileDown, Is.Positive, "the outage refused requests of the job");
        await FaultOutcome.AssertRecoveredAsync(rig, "4b gateway 50 % 503, then down 30 s", sinceFaultEnded, jobId);
    }
}
