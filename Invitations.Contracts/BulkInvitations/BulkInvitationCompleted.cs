namespace Invitations.Contracts.BulkInvitations;

public sealed record BulkInvitationCompleted
{
    public required Guid BulkJobId { get; init; }
    public required long SponsorId { get; init; }

    /// <summary>Completed, PartialSuccess, Failed or Cancelled.</summary>
    public required BulkJobStatus Status { get; init; }

    public required int TotalDealers { get; init; }
    public required int SucceededDealers { get; init; }
    public required int FailedDealers { get; init; }
    public required int SkippedDealers { get; init; }
    public required long Sequence { get; init; }
    public required DateTimeOffset CompletedAt { get; init; }
}
