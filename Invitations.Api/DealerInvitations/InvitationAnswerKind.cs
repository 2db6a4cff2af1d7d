namespace Invitations.Api.DealerInvitations;

/// <summary>What a token's accept, decline or view came to; each maps to one HTTP status.</summary>
public enum InvitationAnswerKind
{
    /// <summary>200: the answer is recorded (or was already, the same way).</summary>
    Done,

    /// <summary>404: no invitation has this token.</summary>
    NotFound,

    /// <summary>410: the invitation expired (or was cancelled) before the answer.</summary>
    Expired,

    /// <summary>409: the invitation was already answered the other way.</summary>
    Declined,

    /// <summary>409: accepted already, so it cannot be declined.</summary>
    Accepted,
}
