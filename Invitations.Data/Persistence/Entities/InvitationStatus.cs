namespace Invitations.Data.Persistence.Entities;

/// <summary>
/// Pending until the dealer answers: Accepted (or at creation for AutoCreate), Declined, or Expired by the
/// Worker's sweep once <c>expires_at</c> has passed. Declined and Expired give the codes back to the sponsor.
/// </summary>
public enum InvitationStatus
{
    Pending,
    Accepted,
    Expired,
    Cancelled,
    Declined,
}
