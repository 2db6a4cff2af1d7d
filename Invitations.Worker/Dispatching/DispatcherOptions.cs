namespace Invitations.Worker.Dispatching;

/// <summary>The pending-job dispatcher, bound from <c>Dispatcher:</c>.</summary>
public sealed class DispatcherOptions
{
    public const string SectionName = "Dispatcher";

    public bool Enabled { get; set; } = true;

    /// <summary>A job still Pending this long after its creation (and after its last publish) is published again.</summary>
    public TimeSpan PendingGrace { get; set; } = TimeSpan.FromSeconds(30);

    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(10);

    public int BatchSize { get; set; } = 50;

    /// <summary>After this many publishes a job is left alone (and logged): something other than the broker is wrong.</summary>
    public int MaxAttempts { get; set; } = 20;
}
