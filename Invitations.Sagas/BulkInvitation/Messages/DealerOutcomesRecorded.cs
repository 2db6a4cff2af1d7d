namespace Invitations.Sagas.BulkInvitation.Messages;

/// <summary>
/// Rows of one job whose outcome the dealer consumer has recorded, coalesced from many outcome events so the
/// saga row is locked once per batch instead of once per dealer. The saga recounts the rows: this message
/// says only that they changed, and what the sponsor's progress line should show.
/// </summary>
public sealed record DealerOutcomesRecorded
{
    public required Guid BulkJobId { get; init; }
    public required int[] SucceededRows { get; init; }
    public required int[] FailedRows { get; init; }

    /// <summary>How many outcome reports this coalesces (a row reported twice, by two deliveries, counts twice).</summary>
    public required int Reports { get; init; }
    public string? LatestDealerEmailMasked { get; init; }
    public bool? LatestDealerSuccess { get; init; }
    public string? LatestDealerError { get; init; }
    public required DateTimeOffset At { get; init; }
}
