namespace Invitations.Contracts.BulkInvitations;

public enum InvitationType
{
    /// <summary>A pending invitation the dealer accepts through the SMS link.</summary>
    Invite,

    /// <summary>The dealer account is created at once; the SMS tells the dealer it exists.</summary>
    AutoCreate,
}
