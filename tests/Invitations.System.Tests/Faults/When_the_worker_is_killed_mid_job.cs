using Invitations.Testing.Logging;
namespace Invitations.System.Tests.Faults;

public sealed class When_the_worker_is_killed_mid_job
{
    [Test]
    public async Task Should_finish_every_dealer_once_after_a_new_worker_starts()
    {
        await using var rig = await FaultRig.StartAsync();
        var jobId = await rig.UploadAsync(400);
        await rig.WaitUntilProcessedAsync(jobId, 40);

        await rig.Worker.KillAsync();
        await rig.StartWorkerAsync();
        var status = await rig.WaitUntilFinalAsync(jobId);

        Assert.That(status.GetProperty("status").GetString(), Is.EqualTo("Completed"));
        Assert.That(status.GetProperty("successfulInvitations").GetInt32(), Is.EqualTo(400));
        await rig.AssertInvariantsAsync(jobId);
        LogScan.AssertNoPersonalData(rig.Output);
    }
}
