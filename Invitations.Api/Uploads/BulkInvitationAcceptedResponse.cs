namespace Invitations.Api.Uploads;

/// <summary>The 202 body of an accepted upload.</summary>
public sealed record BulkInvitationAcceptedResponse(Guid JobId, string Status, int TotalDealers, string StatusUrl);
