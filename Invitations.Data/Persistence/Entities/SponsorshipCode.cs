using Invitations.Contracts.BulkInvitations;

namespace Invitations.Data.Persistence.Entities;

/// <summary>
/// A sponsorship code: issued to a sponsor, reserved by a bulk job at upload, handed over to one
/// dealer invitation (or dealer account) by the worker, or released when the job no longer needs it.
/// </summary>
public sealed class SponsorshipCode
{
    public long Id { get; set; }
    public long SponsorId { get; set; }
    public required string Code { get; set; }
    public PackageTier Tier { get; set; }
    public DateTimeOffset? ExpiresAt { get; set; }
    public DateTimeOffset CreatedAt { get; set; }

    public Guid? ReservedByJobId { get; set; }
    public DateTimeOffset? ReservedAt { get; set; }

    public Guid? InvitationId { get; set; }
    public Guid? DealerId { get; set; }
    public int? AssignedRowNumber { get; set; }
    public DateTimeOffset? AssignedAt { get; set; }

    /// <summary>When the dealer redeemed the code on the platform; not set by this service.</summary>
    public DateTimeOffset? UsedAt { get; set; }
}
