namespace Invitations.Sagas.BulkInvitation.Messages;

/// <summary>
/// Asks the dispatcher to send <c>InviteDealer</c> for a job's pending rows, page by page, outside the
/// saga's transaction (thousands of sends in one saga transaction would hold the saga row for seconds).
/// </summary>
public sealed record DispatchDealers
{
    public required Guid BulkJobId { get; init; }

    /// <summary>Also re-send rows already dispatched but without an outcome (the stall guard).</summary>
    public bool IncludeDispatched { get; init; }
}
