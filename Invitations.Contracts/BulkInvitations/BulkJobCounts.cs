using MassTransit;

namespace Invitations.Contracts.BulkInvitations;

/// <summary>
/// What every job event says of its job: whose it is, its status, its rows by outcome and its place in the job's
/// sequence of events. Never published on its own (no exchange of its own); the events derive from it, so the
/// counts are declared and copied in one place and the events' JSON stays flat.
/// </summary>
[ExcludeFromTopology]
[ExcludeFromImplementedTypes]
public record BulkJobCounts
{
    public required Guid BulkJobId { get; init; }
    public required long SponsorId { get; init; }
    public required BulkJobStatus Status { get; init; }
    public required int TotalDealers { get; init; }
    public required int SucceededDealers { get; init; }
    public required int FailedDealers { get; init; }
    public required int SkippedDealers { get; init; }

    /// <summary>Increases with every event of a job, so a consumer can drop stale ones.</summary>
    public required long Sequence { get; init; }

    /// <summary>Rows with an outcome (<see cref="JobProgress.Processed"/>).</summary>
    public int ProcessedDealers() => JobProgress.Processed(SucceededDealers, FailedDealers, SkippedDealers);
}
