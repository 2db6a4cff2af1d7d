using Microsoft.Extensions.Options;
using Npgsql;

namespace Invitations.Worker.Sms;

/// <summary>
/// <c>Sms:RatePerSecond</c> across every Worker together, counted as gateways count it: at most
/// <c>RateWindowMessages</c> messages in any window of <c>RateWindow</c> (the gateway's second, widened by
/// <c>Sms:RateHeadroom</c>). One PostgreSQL row holds the slots of the last messages of that window; an
/// acquisition takes the slots of a whole round of requests in one call of <c>sms_take_slots</c> (migrations
/// <c>SmsSendWindow</c> and <c>SmsRequestSpacing</c>), which locks the row for that call only; the caller then
/// waits on its own clock, holding no connection. Time is the database's, so Workers on machines whose clocks
/// differ still share one schedule. A window's worth may leave at once (a job's first second is not spread over
/// it; only its requests are <c>Sms:RequestSpacing</c> apart), never more: idle time is not banked beyond one
/// window. A 429 (<see cref="ThrottledAsync"/>) pushes the shared schedule and this process's sends back.
/// </summary>
public sealed class SmsRateLimiter(NpgsqlDataSource dataSource, IOptions<SmsOptions> options, TimeProvider clock)
{
    internal const string Key = "sms";

    /// <summary>The one call that plans a round: its requests' sizes and slots (database time) and the database's clock.</summary>
    internal const string AcquireSql = "SELECT sizes, slots, ran_at FROM sms_take_slots(@key, @messages, @maxBatch, @capacity, @window, @spacing)";

    /// <summary>Clock readings taken when the kept one is missing or old: the shortest round trip of them counts.</summary>
    private const int ClockReadings = 3;

    private const string PauseSql = """
        INSERT INTO sms_rate_limits AS l (name, next_slot_at) VALUES (@key, statement_timestamp() + @pause)
        ON CONFLICT (name) DO UPDATE SET next_slot_at = greatest(l.next_slot_at, statement_timestamp() + @pause)
        """;

    private readonly Lock _lock = new();
    private readonly DatabaseClock _databaseClock = new();
    private DateTimeOffset _pausedUntil = DateTimeOffset.MinValue;
    private int _consecutiveThrottles;

    public bool Limited => options.Value.RateLimited;

    /// <summary>
    /// The requests of a round of <paramref name="messages"/> messages, in order: how many messages each carries (at
    /// most <paramref name="maxBatch"/>) and when it may leave (local clock); without a limit, all of them now.
    /// </summary>
    public async Task<IReadOnlyList<SmsRequestSlot>> AcquireAsync(int messages, int maxBatch, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        maxBatch = Math.Max(1, maxBatch);
        if (!settings.RateLimited)
        {
            var now = clock.GetUtcNow();
            return [.. Enumerable.Range(0, (messages + maxBatch - 1) / maxBatch).Select(r => new SmsRequestSlot(Math.Min(maxBatch, messages - (r * maxBatch)), now))];
        }

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        if (_databaseClock.NeedsReadings(clock.GetUtcNow()))
        {
            for (var reading = 0; reading < ClockReadings; reading++)
            {
                await using var read = new NpgsqlCommand("SELECT clock_timestamp()", connection);
                var asked = clock.GetUtcNow();
                await using var time = await read.ExecuteReaderAsync(cancellationToken);
                await time.ReadAsync(cancellationToken);
                var databaseTime = time.GetFieldValue<DateTimeOffset>(0);
                _databaseClock.Observe(databaseTime, asked, clock.GetUtcNow());
            }
        }

        await using var command = new NpgsqlCommand(AcquireSql, connection);
        command.Parameters.AddWithValue("key", Key);
        command.Parameters.AddWithValue("messages", messages);
        command.Parameters.AddWithValue("maxBatch", maxBatch);
        command.Parameters.AddWithValue("capacity", settings.RateWindowMessages);
        command.Parameters.AddWithValue("window", settings.RateWindow);
        command.Parameters.AddWithValue("spacing", settings.RequestSpacing);
        var sent = clock.GetUtcNow();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        var sizes = reader.GetFieldValue<int[]>(0);
        var slots = reader.GetFieldValue<DateTimeOffset[]>(1);
        var ranAt = reader.GetFieldValue<DateTimeOffset>(2);
        var offset = _databaseClock.Observe(ranAt, sent, clock.GetUtcNow());
        return [.. sizes.Select((size, r) => new SmsRequestSlot(size, slots[r] - offset))];
    }

    /// <summary>
    /// Waits until <paramref name="at"/>. False when a 429 pause of this process now covers the slot: the message
    /// must not leave at the pause's end with every other held one (a burst that earns more 429s) but take a
    /// new slot, which comes after the pause.
    /// </summary>
    public async Task<bool> WaitAsync(DateTimeOffset at, CancellationToken cancellationToken)
    {
        while (true)
        {
            lock (_lock)
            {
                if (_pausedUntil > at)
                {
                    return false;
                }
            }

            var delay = at - clock.GetUtcNow();
            if (delay <= TimeSpan.Zero)
            {
                return true;
            }

            await Task.Delay(delay, clock, cancellationToken);
        }
    }

    /// <summary>The pause after a 429 without <c>Retry-After</c>: doubling while 429s follow one another in this process.</summary>
    public TimeSpan Backoff()
    {
        var settings = options.Value;
        var pause = settings.ThrottleBackoff * Math.Pow(2, Math.Min(Volatile.Read(ref _consecutiveThrottles), 16));
        return pause > settings.ThrottleMaxPause ? settings.ThrottleMaxPause : pause;
    }

    /// <summary>A request went through: the next 429 starts the backoff again.</summary>
    public void Accepted() => Volatile.Write(ref _consecutiveThrottles, 0);

    /// <summary>The gateway answered 429: nothing leaves this process, nor (with a limit) any Worker, for <paramref name="pause"/>.</summary>
    public async Task ThrottledAsync(TimeSpan pause, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _consecutiveThrottles);
        var until = clock.GetUtcNow() + pause;
        lock (_lock)
        {
            if (until > _pausedUntil)
            {
                _pausedUntil = until;
            }
        }

        if (Limited)
        {
            await using var command = dataSource.CreateCommand(PauseSql);
            command.Parameters.AddWithValue("key", Key);
            command.Parameters.AddWithValue("pause", pause);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    /// <summary>
    /// How far the database's clock is ahead of this process's: slots are the database's time, waits this
    /// process's. A reading is the database's time against the middle of its round trip (off by at most half the
    /// round trip), on an open connection; the reading of the shortest round trip is kept, so slots of different
    /// calls are compared on one offset instead of each call's own error (a busy database's slow answer, or a
    /// wait for the shared row's lock, would otherwise move a whole round by tens of milliseconds). Every
    /// acquisition is a reading too; the kept one counts for 1 ms more round trip every 10 s, so a drifting clock
    /// is followed, and fresh readings are taken when it is a minute old.
    /// </summary>
    private sealed class DatabaseClock
    {
        private readonly Lock _lock = new();
        private TimeSpan _offset;
        private TimeSpan _roundTrip = TimeSpan.MaxValue;
        private DateTimeOffset _readAt;

        public bool NeedsReadings(DateTimeOffset now)
        {
            lock (_lock)
            {
                return _roundTrip == TimeSpan.MaxValue || now - _readAt > TimeSpan.FromMinutes(1);
            }
        }

        public TimeSpan Observe(DateTimeOffset databaseTime, DateTimeOffset sent, DateTimeOffset answered)
        {
            var roundTrip = answered - sent;
            lock (_lock)
            {
                var aged = _roundTrip == TimeSpan.MaxValue ? TimeSpan.MaxValue : _roundTrip + ((answered - _readAt) / 10_000);
                if (roundTrip <= aged)
                {
                    _offset = databaseTime - (sent + (roundTrip / 2));
                    _roundTrip = roundTrip;
                    _readAt = answered;
                }

                return _offset;
            }
        }
    }
}
