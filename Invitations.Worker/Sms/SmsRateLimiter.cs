using Microsoft.Extensions.Options;
using Npgsql;

namespace Invitations.Worker.Sms;

/// <summary>
/// <c>Sms:RatePerSecond</c> (less <c>Sms:RateHeadroom</c>) across every Worker together: one PostgreSQL row holds the next free send
/// slot. An acquisition of n permits moves it n intervals on and reads where its own slots start, in one
/// statement with no lock held afterwards; the caller then waits on its own clock, holding no connection. Time
/// is the database's, so Workers on machines whose clocks differ still share one schedule. Idle time is not
/// banked: there is no burst above the rate. A 429 (<see cref="ThrottledAsync"/>) pushes the shared slot and
/// this process's sends back.
/// </summary>
public sealed class SmsRateLimiter(NpgsqlDataSource dataSource, IOptions<SmsOptions> options, TimeProvider clock)
{
    private const string Key = "sms";

    private const string AcquireSql = """
        INSERT INTO sms_rate_limits AS l (name, next_slot_at) VALUES (@key, statement_timestamp() + @span)
        ON CONFLICT (name) DO UPDATE SET next_slot_at = greatest(l.next_slot_at, statement_timestamp()) + @span
        RETURNING extract(epoch FROM l.next_slot_at - @span - statement_timestamp())::float8
        """;

    private const string PauseSql = """
        INSERT INTO sms_rate_limits AS l (name, next_slot_at) VALUES (@key, statement_timestamp() + @pause)
        ON CONFLICT (name) DO UPDATE SET next_slot_at = greatest(l.next_slot_at, statement_timestamp() + @pause)
        """;

    private readonly Lock _lock = new();
    private DateTimeOffset _pausedUntil = DateTimeOffset.MinValue;
    private int _consecutiveThrottles;

    public bool Limited => options.Value.PacedRatePerSecond > 0;

    /// <summary>
    /// <paramref name="permits"/> slots in a row (a whole number for single messages; a batch may cost a fraction
    /// more, <see cref="SmsSendPlan"/>); without a limit, all of them now.
    /// </summary>
    public async Task<SmsSlots> AcquireAsync(double permits, CancellationToken cancellationToken)
    {
        var rate = options.Value.PacedRatePerSecond;
        if (rate <= 0 || permits <= 0)
        {
            return new SmsSlots(clock.GetUtcNow(), TimeSpan.Zero);
        }

        var interval = TimeSpan.FromSeconds(1 / rate);
        await using var command = dataSource.CreateCommand(AcquireSql);
        command.Parameters.AddWithValue("key", Key);
        command.Parameters.AddWithValue("span", interval * permits);
        var sent = clock.GetUtcNow();
        var wait = (double)(await command.ExecuteScalarAsync(cancellationToken))!;

        // The statement ran about half-way through the round trip: the wait counts from there, not from its answer.
        var ran = sent + ((clock.GetUtcNow() - sent) / 2);
        return new SmsSlots(ran + TimeSpan.FromSeconds(Math.Max(0, wait)), interval);
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
}
