namespace Invitations.Sagas.BulkInvitation.Messages;

/// <summary>Scheduled while a job runs: a job with no outcome for a while is re-dispatched.</summary>
public sealed record BulkInvitationStallCheck
{
    public required Guid BulkJobId { get; init; }

    /// <summary>Matches the saga's current check; an older one (from before a retry or completion) is ignored.</summary>
    public required Guid CheckId { get; init; }
}
