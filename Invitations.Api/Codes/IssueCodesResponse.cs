namespace Invitations.Api.Codes;

public sealed record IssueCodesResponse(string Tier, int Issued, int Available);
