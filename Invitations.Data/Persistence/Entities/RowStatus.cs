namespace Invitations.Infrastructure.Persistence.Entities;

public enum RowStatus
{
    Pending,
    Succeeded,
    Failed,
    Skipped,
}
