using Invitations.Contracts.BulkInvitations;

namespace Invitations.Data.Persistence.Entities;

/// <summary>One dealer of a bulk job, keyed by the sheet's own row number.</summary>
public sealed class BulkInvitationRow
{
    public Guid JobId { get; set; }
    public int RowNumber { get; set; }
    public required string Email { get; set; }
    public required string Phone { get; set; }
    public required string DealerName { get; set; }
    public PackageTier Tier { get; set; }
    public int CodeCount { get; set; }
    public RowStatus Status { get; set; }

    /// <summary>
    /// The outcome the saga's counters include for this row (null: none yet). The saga counts a row when its
    /// status and this differ, and sets this in the same transaction, so each outcome is counted once.
    /// </summary>
    public RowStatus? CountedStatus { get; set; }

    /// <summary>Dispatches of this row (1 on the first run, one more per retry).</summary>
    public int Attempts { get; set; }

    public string? ErrorCode { get; set; }
    public string? Error { get; set; }
    public Guid? InvitationId { get; set; }
    public Guid? DealerId { get; set; }
    public DateTimeOffset? DispatchedAt { get; set; }
    public DateTimeOffset? CompletedAt { get; set; }
}
