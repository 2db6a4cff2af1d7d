using Invitations.Api.Jobs;

namespace Invitations.Api.Hubs;

/// <summary>SignalR <c>InvitationCountsChanged</c>: the job's invitation counts as of <paramref name="At"/>.</summary>
public sealed record InvitationCountsMessage(Guid JobId, InvitationCounts Invitations, DateTimeOffset At);
