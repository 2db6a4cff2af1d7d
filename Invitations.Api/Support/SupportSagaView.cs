namespace Invitations.Api.Support;

public sealed record SupportSagaView(
    string CurrentState,
    int Version,
    int TotalDealers,
    int SucceededDealers,
    int FailedDealers,
    int SkippedDealers,
    int ProcessedDealers,
    long ProgressSequence,
    DateTimeOffset CreatedAt,
    DateTimeOffset? StartedAt,
    DateTimeOffset? CompletedAt,
    DateTimeOffset? LastOutcomeAt);
