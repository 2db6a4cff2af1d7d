namespace Invitations.Worker.Dealers;

public sealed class DealerOptions
{
    public const string SectionName = "Dealers";

    public TimeSpan InvitationLifetime { get; set; } = TimeSpan.FromDays(7);

    /// <summary>
    /// Messages handled at once. Most of them wait in a group (<see cref="GroupSize"/>): the limit is what lets
    /// groups fill, not how many transactions run.
    /// </summary>
    public int ConcurrentMessageLimit { get; set; } = 200;

    public int PrefetchCount { get; set; } = 400;

    /// <summary>
    /// Deliveries in hand are done together, up to this many in one transaction (docs/PERFORMANCE.md); each
    /// message keeps its own retries and outcome. 1 does every row on its own.
    /// </summary>
    public int GroupSize { get; set; } = 100;

    /// <summary>Groups under way at once in one worker (while one waits on its SMS, the next is written).</summary>
    public int GroupConcurrency { get; set; } = 2;

    /// <summary>Rows done alone at once in one worker (each holds a database connection during its transactions).</summary>
    public int SingleRowConcurrency { get; set; } = 16;

    /// <summary>SMS requests at once within one group.</summary>
    public int GroupSmsConcurrency { get; set; } = 8;

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
