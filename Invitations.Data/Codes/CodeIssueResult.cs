using Invitations.Contracts.BulkInvitations;

namespace Invitations.Infrastructure.Codes;

public sealed record CodeIssueResult(PackageTier Tier, int Issued, int Available);
