namespace Invitations.Contracts.Dealers;

/// <summary>A business rejection: retrying the same row as it is cannot succeed.</summary>
public sealed record DealerInvitationFailed
{
    public required Guid BulkJobId { get; init; }
    public required int RowNumber { get; init; }
    public required int Attempt { get; init; }

    /// <summary>A stable machine-readable reason, e.g. <c>dealer-exists</c>, <c>codes-unavailable</c>.</summary>
    public required string ReasonCode { get; init; }

    public required string Reason { get; init; }
    public required string DealerEmailMasked { get; init; }
    public required DateTimeOffset At { get; init; }
}
