namespace Invitations.Contracts.BulkInvitations;

public enum BulkJobStatus
{
    Pending,
    Processing,
    Completed,
    PartialSuccess,
    Failed,
    Cancelled,
}
