using Invitations.Contracts.BulkInvitations;

namespace Invitations.Data.Persistence.Entities;

/// <summary>
/// The business record of one upload. Its status mirrors the saga's; the counters live in the saga row.
/// </summary>
public sealed class BulkInvitationJob
{
    public Guid Id { get; set; }
    public long SponsorId { get; set; }
    public required string CreatedBy { get; set; }
    public BulkJobStatus Status { get; set; }
    public required string FileName { get; set; }
    public required string FileSha256 { get; set; }
    public long FileSize { get; set; }
    public string? IdempotencyKey { get; set; }
    public InvitationType InvitationType { get; set; }
    public bool SendSms { get; set; }
    public PackageTier? DefaultTier { get; set; }
    public int DefaultCodeCount { get; set; }
    public bool UseRowSpecificCounts { get; set; }
    public int TotalDealers { get; set; }
    public int CodesReserved { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? StartedAt { get; set; }
    public DateTimeOffset? CompletedAt { get; set; }

    /// <summary>When <c>BulkInvitationSubmitted</c> was last published; the dispatcher re-publishes stale ones.</summary>
    public DateTimeOffset? SubmittedPublishedAt { get; set; }

    public int SubmitPublishAttempts { get; set; }
}
