using Invitations.Contracts.BulkInvitations;

namespace Invitations.Data.Codes;

public sealed record CodeIssueResult(PackageTier Tier, int Issued, int Available);
