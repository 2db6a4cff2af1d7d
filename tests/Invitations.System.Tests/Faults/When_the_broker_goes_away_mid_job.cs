using System.Diagnostics;

namespace Invitations.System.Tests.Faults;

/// <summary>RabbitMQ unreachable for the Worker for 5 s at a proxy: every connection reset, new ones refused.</summary>
public sealed class When_the_broker_goes_away_mid_job
{
    [Test]
    public async Task Should_reconnect_by_itself_and_finish_every_dealer_once()
    {
        await using var rig = await FaultRig.StartAsync();
        var jobId = await rig.UploadAsync(FaultRig.MidJobDealers);
        await rig.WaitUntilProcessedAsync(jobId, 40);

        await rig.Broker.CutAsync();
        var leftAtCut = await rig.RowsLeftAsync(jobId);
        await Task.Delay(TimeSpan.FromSeconds(5));
        rig.Broker.Restore();
        var sinceFaultEnded = Stopwatch.StartNew();

        Assert.That(leftAtCut, Is.Positive, "the broker went away while the job was running");
        await FaultOutcome.AssertRecoveredAsync(rig, "2a broker cut 5 s at a proxy", sinceFaultEnded, jobId);
    }
}
