namespace Invitations.Api.Jobs;

/// <summary>The body of <c>GET /api/v1/bulk-invitations/{id}</c> (also what the hub's GetJobStatus returns).</summary>
public sealed record BulkInvitationStatusResponse(
    Guid JobId,
    long SponsorId,
    string Status,
    int TotalDealers,
    int ProcessedDealers,
    int SuccessfulInvitations,
    int FailedInvitations,
    int SkippedInvitations,
    double ProgressPercentage,
    DateTimeOffset CreatedAt,
    DateTimeOffset? StartedAt,
    DateTimeOffset? CompletedAt,
    string FileName)
{
    /// <summary>The job's invitations by status (older clients ignore it).</summary>
    public InvitationCounts Invitations { get; init; } = InvitationCounts.None;
}
