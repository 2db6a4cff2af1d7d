namespace Invitations.Contracts.BulkInvitations;

public sealed record RetryFailedDealers
{
    public required Guid BulkJobId { get; init; }
    public required string RequestedBy { get; init; }
    public required DateTimeOffset RequestedAt { get; init; }
}
