namespace Invitations.Api.Jobs;

public sealed record BulkInvitationListResponse(IReadOnlyList<BulkInvitationStatusResponse> Items, int Page, int PageSize, int Total);
