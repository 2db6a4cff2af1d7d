namespace Invitations.Worker.Dealers;

public sealed class DealerOptions
{
    public const string SectionName = "Dealers";

    public TimeSpan InvitationLifetime { get; set; } = TimeSpan.FromDays(7);

    /// <summary>Messages handled at once; the work is one short transaction plus one SMS call each.</summary>
    public int ConcurrentMessageLimit { get; set; } = 16;

    public int PrefetchCount { get; set; } = 32;

    /// <summary>In-memory retries for transient faults (database, broker, SMS 5xx or timeouts).</summary>
    public int RetryLimit { get; set; } = 3;

    public TimeSpan RetryMinInterval { get; set; } = TimeSpan.FromMilliseconds(200);
    public TimeSpan RetryMaxInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Then scheduled redeliveries through the message scheduler, comma-separated; empty turns them off.
    /// A string, not an array: the configuration binder appends configured items to an array's defaults.
    /// </summary>
    public string RedeliveryIntervals { get; set; } = "00:00:30,00:02:00,00:10:00";

    public TimeSpan[] ParsedRedeliveryIntervals() =>
        RedeliveryIntervals.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(v => TimeSpan.Parse(v, System.Globalization.CultureInfo.InvariantCulture))
            .ToArray();
}
