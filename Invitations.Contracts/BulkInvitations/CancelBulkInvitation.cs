namespace Invitations.Contracts.BulkInvitations;

public sealed record CancelBulkInvitation
{
    public required Guid BulkJobId { get; init; }

    /// <summary>Who asked: the sponsor's or the support operator's subject claim.</summary>
    public required string RequestedBy { get; init; }

    public required DateTimeOffset RequestedAt { get; init; }
}
