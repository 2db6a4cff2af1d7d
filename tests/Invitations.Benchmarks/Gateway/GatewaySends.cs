using Invitations.Testing.Sms;

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
    /// <summary><paramref name="taken"/>: when the gateway took each of the run's messages, in order.</summary>
    public static GatewaySends Of(IReadOnlyList<DateTimeOffset> taken, DateTimeOffset started, int limit)
    {
        if (taken.Count == 0)
        {
            return new GatewaySends(double.NaN, 0, double.NaN);
        }

        var ticks = taken.Select(a => a.UtcTicks).ToArray();
        var over = 0;
        for (var phase = 0L; phase < TimeSpan.TicksPerSecond; phase += TimeSpan.TicksPerMillisecond)
        {
            if (ticks.GroupBy(t => (t - phase) / TimeSpan.TicksPerSecond).Any(second => second.Count() > limit))
            {
                over++;
            }
        }

        return new GatewaySends((taken[0] - started).TotalSeconds, SlidingSecond.Busiest(taken), over / 1000.0);
    }
}
