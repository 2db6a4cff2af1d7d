namespace Invitations.Benchmarks.Gateway;

/// <summary>
/// When the gateway took a run's messages, read as a gateway would count them. Counts per second from the
/// upload mislead: a window's worth leaves every 1.02 s (the headroom), so now and then one such second holds none
/// of a window's messages and the next ones all, which looks like a stall and is not. What tells whether a
/// gateway would have refused some: the most messages in any one second (sliding), and the share of the
/// phases a gateway's one-second window could have (in 1 ms steps) in which one of its seconds holds more than the
/// limit: 0 means no gateway, whatever its clock, would have answered 429.
/// </summary>
public sealed record GatewaySends(double FirstAcceptedSeconds, int BusiestSecond, double PhasesOverLimit)
{
    public static GatewaySends Of(IReadOnlyList<DateTimeOffset> accepted, DateTimeOffset started, int limit)
    {
        var ticks = accepted.Where(a => a >= started).Select(a => a.UtcTicks).Order().ToArray();
        if (ticks.Length == 0)
        {
            return new GatewaySends(double.NaN, 0, double.NaN);
        }

        var busiest = 0;
        var end = 0;
        for (var start = 0; start < ticks.Length; start++)
        {
            while (end < ticks.Length && ticks[end] < ticks[start] + TimeSpan.TicksPerSecond)
            {
                end++;
            }

            busiest = Math.Max(busiest, end - start);
        }

        var over = 0;
        for (var phase = 0L; phase < TimeSpan.TicksPerSecond; phase += TimeSpan.TicksPerMillisecond)
        {
            if (ticks.GroupBy(t => (t - phase) / TimeSpan.TicksPerSecond).Any(second => second.Count() > limit))
            {
                over++;
            }
        }

        return new GatewaySends((new DateTimeOffset(ticks[0], TimeSpan.Zero) - started).TotalSeconds, busiest, over / 1000.0);
    }
}
