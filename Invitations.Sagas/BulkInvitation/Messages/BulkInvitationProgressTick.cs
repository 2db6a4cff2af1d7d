namespace Invitations.Sagas.BulkInvitation.Messages;

/// <summary>Scheduled by the saga when it suppressed a progress update, so the last one is never left stale.</summary>
public sealed record BulkInvitationProgressTick
{
    public required Guid BulkJobId { get; init; }
}
