namespace Invitations.Data.Persistence.Entities;

public enum RowStatus
{
    Pending,
    Succeeded,
    Failed,
    Skipped,
}
