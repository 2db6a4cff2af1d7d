namespace Invitations.Api.Jobs;

public sealed record JobCommandResponse(Guid JobId, string Status, string StatusUrl);
