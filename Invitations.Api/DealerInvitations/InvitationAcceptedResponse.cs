namespace Invitations.Api.DealerInvitations;

/// <summary><c>POST /api/v1/invitations/{token}/accept</c>: the dealer's account and codes.</summary>
public sealed record InvitationAcceptedResponse(string Status, Guid DealerId, string Tier, IReadOnlyList<string> Codes);
