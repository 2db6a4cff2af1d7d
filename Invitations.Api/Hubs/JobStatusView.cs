namespace Invitations.Api.Hubs;

/// <summary>The body of <c>GET /api/v1/bulk-invitations/{jobId}</c>, also returned by the hub's <c>GetJobStatus</c>.</summary>
public sealed record JobStatusView(
    Guid JobId,
    long SponsorId,
    string Status,
    int TotalDealers,
    int ProcessedDealers,
    int SuccessfulInvitations,
    int FailedInvitations,
    int SkippedInvitations,
    int ProgressPercentage,
    DateTimeOffset CreatedAt,
    DateTimeOffset? StartedAt,
    DateTimeOffset? CompletedAt,
    string FileName)
{
    /// <summary>Whole percent, rounded down: 100 only once every row has an outcome.</summary>
    public static int Percentage(int processed, int total) =>
        total <= 0 ? 0 : (int)Math.Min(100, (long)processed * 100 / total);
}
