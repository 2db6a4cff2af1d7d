namespace Invitations.Api.DealerInvitations;

/// <summary>The result of an accept, decline or view: the invitation (when found) and its codes once accepted.</summary>
public sealed record InvitationAnswer(InvitationAnswerKind Kind, InvitationDetails? Invitation = null, IReadOnlyList<string>? Codes = null)
{
    /// <summary>Whether this call changed the invitation (and the job's watchers must hear it).</summary>
    public bool Changed { get; init; }
}
