using System.Collections.Concurrent;
using Invitations.Worker.Sms;
using Microsoft.Extensions.Options;

namespace Invitations.Worker.Tests.Sms;

/// <summary>
/// Two limiters as two Worker processes would have them: separate instances, each on its own data source
/// (its own connections), several senders each, on the run's database. What they let out together keeps the
/// one configured rate, not twice it.
/// </summary>
public sealed class When_two_workers_share_the_sms_rate
{
    private const double Rate = 200;
    private const int PermitsPerAcquisition = 10;
    private const int AcquisitionsPerSender = 15;
    private const int SendersPerWorker = 4;

    [Test]
    public async Task Should_send_within_five_percent_of_the_rate_together()
    {
        await using (var cleanup = TestRun.Infrastructure.CreateDataSource())
        {
            await using var command = cleanup.CreateCommand("DELETE FROM sms_rate_limits");
            await command.ExecuteNonQueryAsync();
        }

        await using var first = TestRun.Infrastructure.CreateDataSource();
        await using var second = TestRun.Infrastructure.CreateDataSource();
        var sent = new ConcurrentBag<(int Worker, DateTimeOffset At)>();
        var options = Options.Create(new SmsOptions { RatePerSecond = Rate });
        var limiters = new[] { new SmsRateLimiter(first, options, TimeProvider.System), new SmsRateLimiter(second, options, TimeProvider.System) };

        await Task.WhenAll(limiters.SelectMany((limiter, worker) =>
            Enumerable.Range(0, SendersPerWorker).Select(_ => SendAsync(limiter, worker, sent))));

        var times = sent.Select(s => s.At).Order().ToArray();
        var measured = (times.Length - 1) / (times[^1] - times[0]).TotalSeconds;
        using (Assert.EnterMultipleScope())
        {
            Assert.That(times, Has.Length.EqualTo(2 * SendersPerWorker * AcquisitionsPerSender * PermitsPerAcquisition));
            Assert.That(measured, Is.InRange(Rate * 0.95, Rate * 1.05), $"{measured:F1} messages/s for a setting of {Rate}");
            Assert.That(sent.Count(s => s.Worker == 0), Is.GreaterThan(times.Length / 4), "both workers sent");
            Assert.That(sent.Count(s => s.Worker == 1), Is.GreaterThan(times.Length / 4), "both workers sent");
        }
    }

    private static async Task SendAsync(SmsRateLimiter limiter, int worker, ConcurrentBag<(int Worker, DateTimeOffset At)> sent)
    {
        for (var a = 0; a < AcquisitionsPerSender; a++)
        {
            var slots = await limiter.AcquireAsync(PermitsPerAcquisition, CancellationToken.None);
            for (var k = 0; k < PermitsPerAcquisition; k++)
            {
                await limiter.WaitAsync(slots.At(k), CancellationToken.None);
                sent.Add((worker, TimeProvider.System.GetUtcNow()));
            }
        }
    }

    [Test]
    public async Task Should_hold_every_worker_back_after_a_429()
    {
        await using var first = TestRun.Infrastructure.CreateDataSource();
        await using var second = TestRun.Infrastructure.CreateDataSource();
        var options = Options.Create(new SmsOptions { RatePerSecond = Rate });
        var throttled = new SmsRateLimiter(first, options, TimeProvider.System);
        var other = new SmsRateLimiter(second, options, TimeProvider.System);
        await throttled.AcquireAsync(1, CancellationToken.None);

        var before = TimeProvider.System.GetUtcNow();
        await throttled.ThrottledAsync(TimeSpan.FromSeconds(1), CancellationToken.None);
        var slots = await other.AcquireAsync(1, CancellationToken.None);

        Assert.That(slots.FirstAt - before, Is.GreaterThanOrEqualTo(TimeSpan.FromMilliseconds(900)), "the other worker's next slot comes after the pause");
    }
}
