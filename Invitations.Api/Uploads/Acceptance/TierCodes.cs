namespace Invitations.Api.Uploads.Acceptance;

/// <summary>Codes a job needs of one tier and how many the sponsor has available.</summary>
public sealed record TierCodes(string Tier, int Required, int Available);
