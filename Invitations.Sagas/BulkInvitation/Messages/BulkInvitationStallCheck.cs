namespace Invitations.Sagas.BulkInvitation.Messages;

/// <summary>
/// Scheduled while a job runs (the machine's <c>StallCheckTimeout</c>): a job with no outcome for a while is
/// re-dispatched. Which check is current is MassTransit's scheduling token (header <c>MT-Scheduling-TokenId</c>
/// against the saga's <see cref="BulkInvitationState.StallCheckTokenId"/>); an older one is ignored.
/// </summary>
public sealed record BulkInvitationStallCheck
{
    public required Guid BulkJobId { get; init; }
}
