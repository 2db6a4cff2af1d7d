namespace Invitations.Data.Scheduling;

/// <summary>The PostgreSQL-backed message scheduler (section <c>Scheduler</c>).</summary>
public sealed class SchedulerOptions
{
    public const string SectionName = "Scheduler";

    /// <summary>The queue that receives ScheduleMessage / CancelScheduledMessage.</summary>
    public string QueueName { get; set; } = "scheduler";

    /// <summary>How often the delivery loop looks for due messages when the last poll found none.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>Due messages one instance claims per poll.</summary>
    public int BatchSize { get; set; } = 100;

    /// <summary>How long a claim holds; a process that dies while delivering loses its claim after this.</summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Runs the delivery loop in this process (every instance may run it: claims never overlap).</summary>
    public bool DeliveryEnabled { get; set; } = true;

    /// <summary>
    /// The exchange in front of the scheduler queue: sending to <c>queue:</c> would declare a classic queue and clash
    /// with the quorum queue the endpoint declares.
    /// </summary>
    public Uri SchedulerAddress => new($"exchange:{QueueName}");
}
