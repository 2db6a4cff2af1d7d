namespace Invitations.Sagas.BulkInvitation.Ports;

/// <summary>What one delivery said about one row.</summary>
public sealed record RowOutcome(
    int RowNumber,
    int Attempt,
    bool Succeeded,
    Guid? InvitationId,
    Guid? DealerId,
    string? ErrorCode,
    string? Error,
    DateTimeOffset At);
