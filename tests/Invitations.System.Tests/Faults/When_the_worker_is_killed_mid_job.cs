using Invitations.Testing.Logging;
namespace Invitations.System.Tests.Faults;

public sealed class When_the_worker_is_killed_mid_job
{
    [Test]
    public async Task Should_finish_every_dealer_once_after_a_new_worker_starts()
    {
        await using var rig = await FaultRig.StartAsync();
        var jobId = await rig.UploadAsync(FaultRig.MidJobDealers);
        await rig.WaitUntilProcessedAsync(jobId, 40);

        await rig.Worker.KillAsync();
        var leftAtKill = await rig.RowsLeftAsync(jobId);
        await rig.StartWorkerAsync();
        var status = await rig.WaitUntilFinalAsync(jobId);

        Assert.That(leftAtKill, Is.Positive, "the Worker was killed while the job was running");
        Assert.That(status.GetProperty("status").GetString(), Is.EqualTo("Completed"));
        Assert.That(status.GetProperty("successfulInvitations").GetInt32(), Is.EqualTo(FaultRig.MidJobDealers));
        await rig.AssertInvariantsAsync(jobId);
        LogScan.AssertNoPersonalData(rig.Output);
    }
}
