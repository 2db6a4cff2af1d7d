namespace Invitations.System.Tests.Faults;

/// <summary>RabbitMQ unreachable for the Worker for a few seconds: every connection reset, new ones refused.</summary>
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
        var status = await rig.WaitUntilFinalAsync(jobId);

        Assert.That(leftAtCut, Is.Positive, "the broker went away while the job was running");
        Assert.That(status.GetProperty("status").GetString(), Is.EqualTo("Completed"));
        Assert.That(status.GetProperty("successfulInvitations").GetInt32(), Is.EqualTo(FaultRig.MidJobDealers));
        await rig.AssertInvariantsAsync(jobId);
    }
}
