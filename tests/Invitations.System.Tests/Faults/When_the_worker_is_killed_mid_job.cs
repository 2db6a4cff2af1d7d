using System.Diagnostics;

namespace Invitations.System.Tests.Faults;

/// <summary>Case 1: the Worker SIGKILLed mid-job, a new one started.</summary>
public sealed class When_the_worker_is_killed_mid_job
{
    /// <summary>
    /// Against a gateway that honours the Idempotency-Key every dealer gets exactly one SMS; against one that ignores
    /// it, a second SMS is allowed only for a row marked possibly sent twice (in flight at the kill).
    /// </summary>
    [TestCase(true, TestName = "{m}(gateway honours Idempotency-Key)")]
    [TestCase(false, TestName = "{m}(gateway ignores Idempotency-Key)")]
    public async Task Should_finish_every_dealer_once_after_a_new_worker_starts(bool keyHonoured)
    {
        await using var rig = await FaultRig.StartAsync(keyHonoured);
        var jobId = await rig.UploadAsync(FaultRig.MidJobDealers);
        await rig.WaitUntilProcessedAsync(jobId, 40);

        await rig.Worker.KillAsync();
        var leftAtKill = await rig.RowsLeftAsync(jobId);
        await rig.StartWorkerAsync();
        var sinceFaultEnded = Stopwatch.StartNew();

        Assert.That(leftAtKill, Is.Positive, "the Worker was killed while the job was running");
        await FaultOutcome.AssertRecoveredAsync(rig, $"1 Worker SIGKILL (key {(keyHonoured ? "honoured" : "ignored")})", sinceFaultEnded, jobId);
    }
}
