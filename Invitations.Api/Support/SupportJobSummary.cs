namespace Invitations.Api.Support;

public sealed record SupportJobSummary(
    Guid JobId,
    long SponsorId,
    string Status,
    string? CurrentState,
    string FileName,
    int TotalDealers,
    int SucceededDealers,
    int FailedDealers,
    int SkippedDealers,
    DateTimeOffset CreatedAt,
    DateTimeOffset? CompletedAt);
