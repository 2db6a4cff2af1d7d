namespace Invitations.Api.Support;

public sealed record SupportTimelineEntryView(
    DateTimeOffset At,
    string Event,
    string? FromState,
    string? ToState,
    Guid? MessageId,
    string? Detail,
    string? Actor);
