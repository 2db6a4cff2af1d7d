using System.Diagnostics;
using System.Globalization;
using Invitations.System.Tests.Support;
using Invitations.Testing.Logging;

namespace Invitations.System.Tests.Faults;

/// <summary>
/// How a case ended after its fault, checked and reported the same way for every case: final within
/// <see cref="FaultRig.FinalAfterFault"/> of the fault ending, every invariant, no dead letter, one SMS per dealer.
/// The figures (time to final, SMS per dealer, <c>_error</c> depths) go to the test output and to
/// <c>fault-report.txt</c> beside the test assembly, for docs/RELIABILITY.md.
/// </summary>
public static class FaultOutcome
{
    /// <summary>Call when the fault has ended (the server is back, the new process started, the gateway up).</summary>
    public static async Task AssertRecoveredAsync(FaultRig rig, string caseName, Stopwatch sinceFaultEnded, params Guid[] jobIds)
    {
        var statuses = new List<(bool Final, string? Status)>();
        foreach (var jobId in jobIds)
        {
            var left = FaultRig.FinalAfterFault - sinceFaultEnded.Elapsed;
            statuses.Add(await rig.WaitUntilFinalAsync(jobId, left > TimeSpan.Zero ? left : TimeSpan.Zero));
        }

        var toFinal = sinceFaultEnded.Elapsed;

        // The management API refreshes queue figures about every 5 s: let it catch up with the end of the job.
        await Task.Delay(TimeSpan.FromSeconds(6));
        var errorQueues = (await RabbitMqQueues.ErrorQueuesAsync(rig.Infrastructure)).Where(q => q.Messages != 0).ToList();
        var perPhone = await rig.Stub.AcceptedPerPhoneAsync();
        var stats = await rig.Stub.StatsAsync();
        var figures = string.Create(CultureInfo.InvariantCulture,
            $"{caseName}: {(statuses.TrueForAll(s => s.Final) ? "final" : "NOT final")} {toFinal.TotalSeconds:0} s after the fault; "
            + $"SMS accepted {perPhone.Values.Sum()} for {perPhone.Count} phones, {perPhone.Values.Count(n => n > 1)} phones more than once (max {(perPhone.Count == 0 ? 0 : perPhone.Values.Max())}); "
            + $"stub {stats}; _error queues: {(errorQueues.Count == 0 ? "none" : string.Join(", ", errorQueues.Select(q => $"{q.Name} {q.Messages}")))}; "
            + $"Workers replaced for failing liveness: {rig.SupervisorRestarts}");
        await TestContext.Out.WriteLineAsync(figures);
        await File.AppendAllTextAsync(Path.Combine(AppContext.BaseDirectory, "fault-report.txt"), $"{DateTime.UtcNow:O} {figures}\n");

        if (!statuses.TrueForAll(s => s.Final) || errorQueues.Count > 0)
        {
            await TestContext.Out.WriteLineAsync(await RigDiagnostics.DescribeAsync(rig, jobIds[0]));
        }

        using (Assert.EnterMultipleScope())
        {
            for (var i = 0; i < jobIds.Length; i++)
            {
                Assert.That(statuses[i].Final, Is.True, $"job {jobIds[i]} final within {FaultRig.FinalAfterFault} of the fault ending: {statuses[i].Status}");
            }

            Assert.That(errorQueues.Select(q => $"{q.Name} {q.Messages}"), Is.Empty, "no message of ours dead-lettered by an outage that ended");
        }

        foreach (var jobId in jobIds)
        {
            await JobInvariants.AssertHoldAsync(rig.DataSource, jobId, rig.SponsorId, rig.CodesIssued);
            Assert.That(await JobInvariants.RowsNotSucceededAsync(rig.DataSource, jobId), Is.Zero, $"job {jobId}: every dealer invited (Completed)");
        }

        await JobInvariants.AssertOneSmsPerDealerAsync(rig.DataSource, [.. jobIds, .. rig.OtherSponsorsJobs], perPhone, rig.KeyHonoured);
        LogScan.AssertNoPersonalData(rig.Output);
    }
}
