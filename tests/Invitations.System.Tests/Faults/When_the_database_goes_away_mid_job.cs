using System.Diagnostics;

namespace Invitations.System.Tests.Faults;

/// <summary>PostgreSQL unreachable for the Worker for 20 s at a proxy: every connection reset, new ones refused.</summary>
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
        var sinceFaultEnded = Stopwatch.StartNew();

        Assert.That(leftAtCut, Is.Positive, "the database went away while the job was running");
        await FaultOutcome.AssertRecoveredAsync(rig, "3a database cut 20 s at a proxy", sinceFaultEnded, jobId);
    }
}
