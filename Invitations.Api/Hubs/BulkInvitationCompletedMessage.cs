namespace Invitations.Api.Hubs;

/// <summary>The SignalR <c>BulkInvitationCompleted</c> payload (ARCHITECTURE.md).</summary>
public sealed record BulkInvitationCompletedMessage(
    Guid BulkJobId,
    string Status,
    int SuccessCount,
    int FailedCount,
    DateTimeOffset CompletedAt);
