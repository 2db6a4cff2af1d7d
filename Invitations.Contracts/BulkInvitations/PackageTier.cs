namespace Invitations.Contracts.BulkInvitations;

public enum PackageTier
{
    S,
    M,
    L,
    XL,
}
