using System.Diagnostics;

namespace Invitations.System.Tests.Faults;

/// <summary>
/// Case 4a: the gateway accepts the first 40 SMS but answers each only after 15 s, past the client's
/// <c>Sms:Http:Timeout</c> (10 s): the Worker sees a timeout for an SMS the gateway did send.
/// </summary>
public sealed class When_the_sms_gateway_answers_after_the_client_timeout
{
    private const int SlowRequests = 40;
    private static readonly TimeSpan Slow = TimeSpan.FromSeconds(15);

    [Test]
    public async Task Should_finish_every_dealer_with_one_sms_each()
    {
        await using var rig = await FaultRig.StartAsync(
            stubOptions: [("slowRequests", SlowRequests), ("slowMs", (int)Slow.TotalMilliseconds)]);
        var jobId = await rig.UploadAsync(FaultRig.MidJobDealers);

        // The fault ends when the last slow answer has gone out.
        var clock = Stopwatch.StartNew();
        while ((await rig.Stub.StatsAsync()).Slow < SlowRequests && clock.Elapsed < TimeSpan.FromMinutes(1))
        {
            await Task.Delay(100);
        }

        var leftAtFault = await rig.RowsLeftAsync(jobId);
        await Task.Delay(Slow);
        var sinceFaultEnded = Stopwatch.StartNew();

        Assert.That((await rig.Stub.StatsAsync()).Slow, Is.EqualTo(SlowRequests), "the gateway answered late");
        Assert.That(leftAtFault, Is.Positive, "the late answers came while the job was running");
        await FaultOutcome.AssertRecoveredAsync(rig, "4a gateway answers after the client timeout (first 40)", sinceFaultEnded, jobId);
    }
}
