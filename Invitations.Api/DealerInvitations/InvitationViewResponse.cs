namespace Invitations.Api.DealerInvitations;

/// <summary>
/// <c>GET /api/v1/invitations/{token}</c>, what the invitation page shows: the sponsor, the dealer's name,
/// the codes' count and tier, the expiry; the codes themselves once accepted (AutoCreate: from the start).
/// </summary>
public sealed record InvitationViewResponse(
    string Status,
    string Type,
    long SponsorId,
    string DealerName,
    string Tier,
    int CodeCount,
    DateTimeOffset ExpiresAt,
    IReadOnlyList<string> Codes);
