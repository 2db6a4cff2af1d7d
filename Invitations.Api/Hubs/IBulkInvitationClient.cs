namespace Invitations.Api.Hubs;

/// <summary>What the server calls on a browser connected to <c>/hubs/bulk-invitations</c>.</summary>
public interface IBulkInvitationClient
{
    Task BulkInvitationProgress(BulkInvitationProgressMessage progress);

    Task BulkInvitationCompleted(BulkInvitationCompletedMessage completed);
}
