namespace Invitations.System.Tests.Faults;

/// <summary>PostgreSQL unreachable for the Worker for 20 s: retries, then scheduled redeliveries, carry the job.</summary>
public sealed class When_the_database_goes_away_mid_job
{
    [Test]
    public async Task Should_finish_every_dealer_once_when_it_is_back()
    {
        await using var rig = await FaultRig.StartAsync();
        var jobId = await rig.UploadAsync(FaultRig.MidJobDealers);
        await rig.WaitUntilProcessedAsync(jobId, 40);

        await rig.Database.CutAsync();
        var leftAtCut = await rig.RowsLeftAsync(jobId);
        await Task.Delay(TimeSpan.FromSeconds(20));
        rig.Database.Restore();
        var status = await rig.WaitUntilFinalAsync(jobId, TimeSpan.FromSeconds(120));

        Assert.That(leftAtCut, Is.Positive, "the database went away while the job was running");
        Assert.That(status.GetProperty("status").GetString(), Is.EqualTo("Completed"), rig.Worker.Tail(60));
        Assert.That(status.GetProperty("successfulInvitations").GetInt32(), Is.EqualTo(FaultRig.MidJobDealers));
        await rig.AssertInvariantsAsync(jobId);
    }
}
