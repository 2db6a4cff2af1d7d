using System.Diagnostics;
using System.Globalization;
using Invitations.System.Tests.Faults;

namespace Invitations.System.Tests.ScaleOut;

/// <summary>
/// <c>Sms:RatePerSecond</c> is the gateway account's limit, over every Worker together: two Worker processes
/// (the Release binaries, the shipped settings but the rate) share one slot window in PostgreSQL, so together they
/// send at the setting, not at twice it. The gateway stub here has no limit of its own, so only our limiter
/// bounds what reaches it, counted by the stub as it arrives.
/// </summary>
public sealed class When_two_worker_processes_share_the_sms_rate
{
    private const int Rate = 40;
    private const int Dealers = 400;

    [Test]
    public async Task Should_send_no_faster_together_than_the_setting()
    {
        await using var rig = await FaultRig.StartAsync(
            workers: 2,
            extra: new Dictionary<string, string?> { ["Sms:RatePerSecond"] = Rate.ToString(CultureInfo.InvariantCulture) },
            stubOptions: [("latencyMs", 100)]);
        var clock = Stopwatch.StartNew();
        var jobId = await rig.UploadAsync(Dealers);
        await FaultOutcome.AssertRecoveredAsync(rig, $"two Workers sharing {Rate} SMS/s (no fault)", clock, jobId);

        var times = (await rig.Stub.AcceptedAsync()).Select(a => a.At).Order().ToArray();

        // A window's worth may leave at once, so the rate is how long a window's worth takes: message j arrives
        // about one window after message j − Rate, on average over every message after the first window. Two
        // limiters of their own would each let the setting through, and this would read about twice it.
        var measured = Rate / Enumerable.Range(Rate, times.Length - Rate).Average(j => (times[j] - times[j - Rate]).TotalSeconds);
        await TestContext.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"two Workers: {measured:F1} SMS/s at the gateway for a setting of {Rate}"));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(times, Has.Length.EqualTo(Dealers));
            Assert.That(measured, Is.LessThanOrEqualTo(Rate * 1.05), $"{measured:F1} SMS/s reached the gateway for a setting of {Rate}");
        }
    }
}
