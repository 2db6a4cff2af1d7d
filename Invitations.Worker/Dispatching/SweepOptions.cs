namespace Invitations.Worker.Dispatching;

/// <summary>The stuck-job sweep, bound from <c>Sweep:</c> (docs/RELIABILITY.md, "Stuck jobs").</summary>
public sealed class SweepOptions
{
    public const string SectionName = "Sweep";

    public bool Enabled { get; set; } = true;

    /// <summary>How often a Worker looks for stuck jobs (one Worker at a time does, under an advisory lock).</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>
    /// A Processing job with no outcome for this long is swept, provided no other job made progress meanwhile
    /// (the Workers are then not busy with a backlog this job waits in) and none of its rows waits for a
    /// scheduled redelivery. Past <c>Saga:StallTimeout</c> it is swept whatever the others do.
    /// </summary>
    public TimeSpan QuietFor { get; set; } = TimeSpan.FromSeconds(45);

    /// <summary>Jobs swept per pass at most.</summary>
    public int BatchSize { get; set; } = 50;
}
