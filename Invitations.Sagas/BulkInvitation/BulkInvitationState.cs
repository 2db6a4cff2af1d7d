using Invitations.Contracts.BulkInvitations;
using MassTransit;

namespace Invitations.Sagas.BulkInvitation;

/// <summary>
/// The saga row of one bulk job. It stays small: per-row detail lives in the rows table, the saga keeps
/// counters and the timestamps it needs to throttle progress and guard against stalls.
/// </summary>
public sealed class BulkInvitationState : SagaStateMachineInstance, ISagaVersion
{
    public Guid CorrelationId { get; set; }
    public string CurrentState { get; set; } = string.Empty;
    public int Version { get; set; }

    public long SponsorId { get; set; }
    public int TotalDealers { get; set; }
    public int SucceededDealers { get; set; }
    public int FailedDealers { get; set; }
    public int SkippedDealers { get; set; }

    /// <summary>Increases with every progress or completion event the saga publishes.</summary>
    public long ProgressSequence { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? StartedAt { get; set; }
    public DateTimeOffset? CompletedAt { get; set; }
    public DateTimeOffset? LastOutcomeAt { get; set; }
    public DateTimeOffset? LastProgressPublishedAt { get; set; }

    /// <summary>The token of the scheduled stall check, so it can be cancelled or replaced.</summary>
    public Guid? StallCheckTokenId { get; set; }

    public int ProcessedDealers => JobProgress.Processed(SucceededDealers, FailedDealers, SkippedDealers);
}
