namespace Invitations.Data.Persistence.Entities;

/// <summary>One event a saga handled, for support staff.</summary>
public sealed class SagaTimelineEntry
{
    public long Id { get; set; }
    public Guid JobId { get; set; }
    public DateTimeOffset At { get; set; }
    public required string Event { get; set; }
    public string? FromState { get; set; }
    public string? ToState { get; set; }
    public Guid? MessageId { get; set; }
    public string? Detail { get; set; }

    /// <summary>The operator or sponsor who asked for it (cancel, retry), when a person did.</summary>
    public string? Actor { get; set; }
}
