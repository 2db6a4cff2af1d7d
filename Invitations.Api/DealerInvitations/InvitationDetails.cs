using Invitations.Contracts.BulkInvitations;
using Invitations.Data.Persistence.Entities;

namespace Invitations.Api.DealerInvitations;

/// <summary>An invitation as its token's holder may see it: nothing of any other dealer.</summary>
public sealed record InvitationDetails(
    Guid Id,
    long SponsorId,
    Guid BulkJobId,
    InvitationType Type,
    InvitationStatus Status,
    string DealerName,
    string Email,
    string Phone,
    PackageTier Tier,
    int CodeCount,
    DateTimeOffset ExpiresAt,
    Guid? DealerId);
