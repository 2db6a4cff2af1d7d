using System.Diagnostics;

namespace Invitations.System.Tests.Faults;

/// <summary>Case 6: two Workers share a job, one is SIGKILLed mid-job and not replaced.</summary>
public sealed class When_one_of_two_workers_is_killed
{
    [Test]
    public async Task Should_finish_every_dealer_once_on_the_other_worker()
    {
        await using var rig = await FaultRig.StartAsync(workers: 2);
        var jobId = await rig.UploadAsync(FaultRig.MidJobDealers);
        await rig.WaitUntilProcessedAsync(jobId, 40);

        await rig.Workers[0].KillAsync();
        var sinceFaultEnded = Stopwatch.StartNew();
        var leftAtKill = await rig.RowsLeftAsync(jobId);

        Assert.That(leftAtKill, Is.Positive, "a Worker was killed while the job was running");
        await FaultOutcome.AssertRecoveredAsync(rig, "6 one of two Workers SIGKILL", sinceFaultEnded, jobId);
    }
}
