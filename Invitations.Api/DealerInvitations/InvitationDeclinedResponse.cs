namespace Invitations.Api.DealerInvitations;

/// <summary><c>POST /api/v1/invitations/{token}/decline</c>.</summary>
public sealed record InvitationDeclinedResponse(string Status);
