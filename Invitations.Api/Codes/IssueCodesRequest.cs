namespace Invitations.Api.Codes;

/// <summary>Support issues <c>count</c> new codes of <c>tier</c> (S, M, L, XL) to a sponsor.</summary>
public sealed record IssueCodesRequest(string? Tier, int Count, DateTimeOffset? ExpiresAt);
