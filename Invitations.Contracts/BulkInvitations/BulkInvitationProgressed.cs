namespace Invitations.Contracts.BulkInvitations;

public sealed record BulkInvitationProgressed
{
    public required Guid BulkJobId { get; init; }
    public required long SponsorId { get; init; }
    public required BulkJobStatus Status { get; init; }
    public required int TotalDealers { get; init; }
    public required int SucceededDealers { get; init; }
    public required int FailedDealers { get; init; }
    public required int SkippedDealers { get; init; }

    /// <summary>Already masked by the saga: progress events never carry a full email.</summary>
    public string? LatestDealerEmailMasked { get; init; }

    public bool? LatestDealerSuccess { get; init; }
    public string? LatestDealerError { get; init; }

    /// <summary>Increases with every progress event of a job, so a consumer can drop stale ones.</summary>
    public required long Sequence { get; init; }

    public required DateTimeOffset At { get; init; }
}
