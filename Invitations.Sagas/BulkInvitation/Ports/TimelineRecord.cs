namespace Invitations.Sagas.BulkInvitation.Ports;

public sealed record TimelineRecord(
    Guid JobId,
    DateTimeOffset At,
    string Event,
    string? FromState,
    string? ToState,
    Guid? MessageId,
    string? Detail,
    string? Actor);
