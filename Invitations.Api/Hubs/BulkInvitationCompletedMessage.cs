namespace Invitations.Api.Hubs;

/// <summary>The SignalR <c>BulkInvitationCompleted</c> payload, sent once to the job's group when it ends.</summary>
public sealed record BulkInvitationCompletedMessage(
    Guid BulkJobId,
    string Status,
    int SuccessCount,
    int FailedCount,
    DateTimeOffset CompletedAt);
