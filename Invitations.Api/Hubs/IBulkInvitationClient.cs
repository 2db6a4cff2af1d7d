namespace Invitations.Api.Hubs;

/// <summary>What the server calls on a browser connected to <c>/hubs/bulk-invitations</c>.</summary>
public interface IBulkInvitationClient
{
    Task BulkInvitationProgress(BulkInvitationProgressMessage progress);

    Task BulkInvitationCompleted(BulkInvitationCompletedMessage completed);

    /// <summary>A job's invitation counts moved: a dealer answered, or invitations expired.</summary>
    Task InvitationCountsChanged(InvitationCountsMessage counts);
}
