namespace Invitations.Api.Support;

/// <summary>One job as support sees it: the job, its saga row (null before the saga starts), rows and timeline.</summary>
public sealed record SupportJobDetail(
    Guid JobId,
    long SponsorId,
    string Status,
    string FileName,
    string CreatedBy,
    string InvitationType,
    bool SendSms,
    int TotalDealers,
    int CodesReserved,
    DateTimeOffset CreatedAt,
    DateTimeOffset? StartedAt,
    DateTimeOffset? CompletedAt,
    SupportSagaView? Saga,
    IReadOnlyList<SupportRowView> Rows,
    IReadOnlyList<SupportTimelineEntryView> Timeline,
    IReadOnlyList<SupportOperatorAction> OperatorActions);
