namespace Invitations.Worker.Faults;

/// <summary>
/// Test-only fault injection (section <c>Faults</c>), read only in the <c>Testing</c> environment and off by
/// default: the reliability suite uses it to put a crash exactly where a real one could land by chance.
/// </summary>
public sealed class FaultOptions
{
    public const string SectionName = "Faults";
    public const string Environment = "Testing";

    /// <summary>
    /// The process dies (FailFast: no shutdown, no ack, no flush) once the work of this row number is
    /// committed, before its outcome event is published.
    /// </summary>
    public int? CrashBeforeOutcomePublishRow { get; set; }
}
