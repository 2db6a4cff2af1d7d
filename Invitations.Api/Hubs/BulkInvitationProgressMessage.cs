namespace Invitations.Api.Hubs;

/// <summary>The SignalR <c>BulkInvitationProgress</c> payload sent to the job's group; the email is already masked.</summary>
public sealed record BulkInvitationProgressMessage(
    Guid BulkJobId,
    long SponsorId,
    string Status,
    int TotalDealers,
    int ProcessedDealers,
    int SuccessfulInvitations,
    int FailedInvitations,
    double ProgressPercentage,
    string? LatestDealerEmail,
    bool? LatestDealerSuccess,
    string? LatestDealerError,
    DateTimeOffset LastUpdateTime);
