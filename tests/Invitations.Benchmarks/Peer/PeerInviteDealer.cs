namespace Invitations.Benchmarks.Peer;

public sealed record PeerInviteDealer
{
    public required Guid JobId { get; init; }
    public required int RowNumber { get; init; }
    public required long SponsorId { get; init; }
}
