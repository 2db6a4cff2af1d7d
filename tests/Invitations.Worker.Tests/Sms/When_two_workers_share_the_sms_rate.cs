using System.Collections.Concurrent;
using Invitations.Testing.Sms;
using Invitations.Worker.Sms;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Invitations.Worker.Tests.Sms;

/// <summary>
/// Two limiters as two Worker processes would have them: separate instances, each on its own data source
/// (its own connections), several senders each, on the run's database. What they let out together keeps the
/// one configured rate, counted as a gateway counts it (messages in a second), not twice it.
/// </summary>
public sealed class When_two_workers_share_the_sms_rate
{
    private const double Rate = 200;
    private const int PermitsPerAcquisition = 10;
    private const int AcquisitionsPerSender = 15;
    private const int SendersPerWorker = 4;

    [SetUp]
    public async Task ForgetTheSharedWindowAsync()
    {
        await using var cleanup = TestRun.Infrastructure.CreateDataSource();
        await using var command = cleanup.CreateCommand("DELETE FROM sms_rate_limits");
        await command.ExecuteNonQueryAsync();
    }

    [Test]
    public async Task Should_send_within_five_percent_of_the_rate_together()
    {
        await using var first = TestRun.Infrastructure.CreateDataSource();
        await using var second = TestRun.Infrastructure.CreateDataSource();
        var sent = new ConcurrentBag<(int Worker, DateTimeOffset Slot, DateTimeOffset At)>();
        var options = Options.Create(new SmsOptions { RatePerSecond = Rate });
        var limiters = new[] { new SmsRateLimiter(first, options, TimeProvider.System), new SmsRateLimiter(second, options, TimeProvider.System) };

        await Task.WhenAll(limiters.SelectMany((limiter, worker) =>
            Enumerable.Range(0, SendersPerWorker).Select(_ => SendAsync(limiter, worker, sent))));

        var times = sent.Select(s => s.At).Order().ToArray();

        // A window's worth may leave at once, so the rate is how long a window's worth takes: message j leaves
        // about a second (the window) after message j − Rate, on average over every message after the first window.
        var window = (int)Rate;
        var measured = window / Enumerable.Range(window, times.Length - window).Average(j => (times[j] - times[j - window]).TotalSeconds);
        var slots = sent.Select(s => s.Slot).Order().ToArray();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(times, Has.Length.EqualTo(2 * SendersPerWorker * AcquisitionsPerSender * PermitsPerAcquisition));
            Assert.That(measured, Is.InRange(Rate * 0.95, Rate * 1.05), $"{measured:F1} messages/s for a setting of {Rate}");
            Assert.That(SlidingSecond.Busiest(slots), Is.LessThanOrEqualTo(Rate), "no second holds more slots than the rate");
            Assert.That(sent.All(s => s.At >= s.Slot), Is.True, "nothing left before its slot");
            Assert.That(sent.Count(s => s.Worker == 0), Is.GreaterThan(times.Length / 4), "both workers sent");
            Assert.That(sent.Count(s => s.Worker == 1), Is.GreaterThan(times.Length / 4), "both workers sent");
        }
    }

    /// <summary>
    /// Rounds of every size from two Workers (two connections taking turns), planned into requests of every batch
    /// size, on the shipped headroom: whatever second the gateway counts in, the requests leaving in it carry at
    /// most its limit in messages, and the window is used, not wasted on requests that do not fit its end. The
    /// plan is read in the database's own time, as <c>sms_take_slots</c> answers it: each Worker's estimate of the
    /// database's clock (checked by the test above) and how fast this machine makes the calls play no part.
    /// </summary>
    [TestCase(1)]
    [TestCase(7)]
    [TestCase(10)]
    [TestCase(30)]
    [TestCase(100)]
    public async Task Should_never_put_more_than_the_limit_into_any_second(int batchSize)
    {
        const int limit = 100;
        var settings = new SmsOptions { RatePerSecond = limit };
        await using var first = TestRun.Infrastructure.CreateDataSource();
        await using var second = TestRun.Infrastructure.CreateDataSource();
        var workers = new[] { first, second };
        var random = new Random(batchSize);
        var leaving = new List<(DateTimeOffset At, int Messages)>();
        for (var round = 0; round < 60; round++)
        {
            // The slots lie ahead (about 30 s of them): only their places are checked, nothing waits for them.
            var messages = random.Next(1, 101);
            var requests = await PlanAsync(workers[round % 2], settings, messages, batchSize);
            Assert.That(requests.Sum(r => r.Messages), Is.EqualTo(messages), "every message of the round has a request");
            Assert.That(requests.Select(r => r.Messages), Is.All.InRange(1, batchSize), "no request above the batch size");
            leaving.AddRange(requests);
        }

        // One entry per message, in slot order: how far each message leaves after the one a window's worth
        // before it tells whether the window was used (about the window) or wasted (more).
        var window = settings.RateWindowMessages;
        var times = leaving.SelectMany(l => Enumerable.Repeat(l.At, l.Messages)).Order().ToArray();
        var rate = window / Enumerable.Range(window, times.Length - window).Average(j => (times[j] - times[j - window]).TotalSeconds);
        var busiest = SlidingSecond.Busiest(times);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(busiest, Is.LessThanOrEqualTo(limit), $"the busiest second carries {busiest} messages at a limit of {limit}");
            Assert.That(rate, Is.GreaterThanOrEqualTo(limit * 0.95), $"{rate:F1} messages/s at a limit of {limit} in requests of up to {batchSize}");
        }
    }

    /// <summary>
    /// A window's worth of requests, asked for by two Workers in turn, is planned <c>Sms:RequestSpacing</c> apart,
    /// not for one instant that no machine can send them in; it still leaves within the window, and each request
    /// still carries as many messages as the batch size allows.
    /// </summary>
    [TestCase(1)]
    [TestCase(10)]
    public async Task Should_plan_a_windows_requests_a_spacing_apart(int batchSize)
    {
        var settings = new SmsOptions { RatePerSecond = 100, RequestSpacing = TimeSpan.FromMilliseconds(2) };
        await using var first = TestRun.Infrastructure.CreateDataSource();
        await using var second = TestRun.Infrastructure.CreateDataSource();
        var workers = new[] { first, second };
        var requests = new List<(DateTimeOffset At, int Messages)>();
        for (var round = 0; round < 2; round++)
        {
            requests.AddRange(await PlanAsync(workers[round], settings, 50, batchSize));
        }

        var ordered = requests.OrderBy(r => r.At).ToArray();
        var gaps = ordered.Zip(ordered.Skip(1), (a, b) => (b.At - a.At).TotalMilliseconds).ToArray();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(ordered.Sum(r => r.Messages), Is.EqualTo(100));
            Assert.That(ordered, Has.Length.EqualTo(100 / batchSize), "every request full: spacing splits no batch");
            Assert.That(gaps, Is.All.GreaterThanOrEqualTo(2.0), string.Join(", ", gaps.Select(g => $"{g:F3}")));
            Assert.That(ordered[^1].At - ordered[0].At, Is.LessThan(settings.RateWindow / 2), "the window's worth leaves in its first half, not a window later");
        }
    }

    private static async Task<List<(DateTimeOffset At, int Messages)>> PlanAsync(NpgsqlDataSource worker, SmsOptions settings, int messages, int batchSize)
    {
        await using var command = worker.CreateCommand(SmsRateLimiter.AcquireSql);
        command.Parameters.AddWithValue("key", SmsRateLimiter.Key);
        command.Parameters.AddWithValue("messages", messages);
        command.Parameters.AddWithValue("maxBatch", batchSize);
        command.Parameters.AddWithValue("capacity", settings.RateWindowMessages);
        command.Parameters.AddWithValue("window", settings.RateWindow);
        command.Parameters.AddWithValue("spacing", settings.RequestSpacing);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        var sizes = reader.GetFieldValue<int[]>(0);
        var slots = reader.GetFieldValue<DateTimeOffset[]>(1);
        return [.. sizes.Select((size, r) => (slots[r], size))];
    }

    /// <summary>
    /// With <c>Sms:RateBurst</c> 1 every slot lies one message's share of the rate after the one before, in rounds
    /// from two Workers alike. Read in the database's time, as the schedule is kept: a Worker's local slots also
    /// carry its estimate of the database's clock, which may tighten between two rounds by up to half a round trip
    /// (a loaded machine's first readings are its slowest), as exact as the moment a request leaves anyway.
    /// </summary>
    [Test]
    public async Task Should_space_every_message_evenly_with_a_burst_of_one()
    {
        var settings = new SmsOptions { RatePerSecond = 50, RateBurst = 1 };
        await using var first = TestRun.Infrastructure.CreateDataSource();
        await using var second = TestRun.Infrastructure.CreateDataSource();
        var workers = new[] { first, second };

        var slots = new List<DateTimeOffset>();
        for (var round = 0; round < 6; round++)
        {
            var requests = await PlanAsync(workers[round % 2], settings, 10, 1);
            slots.AddRange(requests.Select(r => r.At));
        }

        // 20 ms apart at 50/s, 20.4 ms with the headroom: never closer than the gateway's 20 ms, and (the next
        // round asked for while the last one's slots still lie ahead) not wider either.
        var ordered = slots.Order().ToArray();
        var gaps = ordered.Zip(ordered.Skip(1), (a, b) => (b - a).TotalMilliseconds).ToArray();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(ordered, Has.Length.EqualTo(60));
            Assert.That(gaps, Is.All.GreaterThanOrEqualTo(20.0), string.Join(", ", gaps.Select(g => $"{g:F3}")));
            Assert.That(gaps.Order().ElementAt(gaps.Length / 2), Is.InRange(20.0, 21.0), "the median gap is the rate's, headroom included");
        }
    }

    private static async Task SendAsync(SmsRateLimiter limiter, int worker, ConcurrentBag<(int Worker, DateTimeOffset Slot, DateTimeOffset At)> sent)
    {
        for (var a = 0; a < AcquisitionsPerSender; a++)
        {
            foreach (var request in await limiter.AcquireAsync(PermitsPerAcquisition, 1, CancellationToken.None))
            {
                await limiter.WaitAsync(request.At, CancellationToken.None);
                sent.Add((worker, request.At, TimeProvider.System.GetUtcNow()));
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
        await throttled.AcquireAsync(1, 1, CancellationToken.None);

        var before = TimeProvider.System.GetUtcNow();
        await throttled.ThrottledAsync(TimeSpan.FromSeconds(1), CancellationToken.None);
        var slots = await other.AcquireAsync(1, 1, CancellationToken.None);

        Assert.That(slots[0].At - before, Is.GreaterThanOrEqualTo(TimeSpan.FromMilliseconds(900)), "the other worker's next slot comes after the pause");
    }
}
