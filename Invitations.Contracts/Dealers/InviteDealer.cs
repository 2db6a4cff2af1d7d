namespace Invitations.Contracts.Dealers;

/// <summary>
/// One dealer row of a bulk job. The row's details are read from the rows table by the consumer,
/// so the message stays small and a retried row always uses what is stored.
/// </summary>
public sealed record InviteDealer
{
    public required Guid BulkJobId { get; init; }
    public required int RowNumber { get; init; }

    /// <summary>Which dispatch of the row this is (1 first, then one more per retry-failed).</summary>
    public required int Attempt { get; init; }
}
