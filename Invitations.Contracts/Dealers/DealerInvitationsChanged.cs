namespace Invitations.Contracts.Dealers;

/// <summary>
/// Some of a job's invitations changed status (a dealer accepted or declined, the sweep expired them):
/// every Api instance re-reads the job's invitation counts and pushes them to the job's watchers.
/// </summary>
public sealed record DealerInvitationsChanged
{
    public required Guid BulkJobId { get; init; }
    public required long SponsorId { get; init; }
    public required DateTimeOffset At { get; init; }
}
