namespace Invitations.Infrastructure.Persistence.Entities;

public enum InvitationStatus
{
    Pending,
    Accepted,
    Expired,
    Cancelled,
}
