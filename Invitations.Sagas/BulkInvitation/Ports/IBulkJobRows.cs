using Invitations.Contracts.BulkInvitations;

namespace Invitations.Sagas.BulkInvitation.Ports;

/// <summary>
/// The saga's view of a job's rows, codes and business record. Implementations write through the
/// consume scope's database context, so every change commits with the saga row or not at all.
/// </summary>
public interface IBulkJobRows
{
    /// <summary>Records the outcome only while the row still waits for this attempt (or was skipped by a cancel); true if it did.</summary>
    Task<bool> RecordOutcomeAsync(Guid jobId, RowOutcome outcome, CancellationToken cancellationToken);

    /// <summary>
    /// The job's counters after counting the rows whose stored outcome changed since the saga last counted
    /// them: only <paramref name="rows"/> (the rows a message names, in time proportional to them), or every
    /// row of the job when null (the counters are then recounted from scratch). Each row notes what it is
    /// counted as, in the saga's transaction, so an outcome is counted once however often it is reported.
    /// </summary>
    Task<OutcomeCounts> CountOutcomesAsync(Guid jobId, OutcomeCounts counted, IReadOnlyCollection<int>? rows, CancellationToken cancellationToken);

    /// <summary>Marks every row without an outcome Skipped; returns how many.</summary>
    Task<int> SkipPendingAsync(Guid jobId, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>Returns the job's reserved codes that no row received to the sponsor's pool; returns how many.</summary>
    Task<int> ReleaseUnusedCodesAsync(Guid jobId, CancellationToken cancellationToken);

    /// <summary>Makes failed rows that can succeed now Pending again and reserves their codes; returns how many.</summary>
    Task<int> ResetFailedForRetryAsync(Guid jobId, CancellationToken cancellationToken);

    /// <summary>The job's business record, for a saga that starts from a cancel rather than the submission.</summary>
    Task<JobSummary?> FindJobAsync(Guid jobId, CancellationToken cancellationToken);

    Task SetJobStatusAsync(Guid jobId, BulkJobStatus status, DateTimeOffset at, CancellationToken cancellationToken);

    Task AppendTimelineAsync(TimelineRecord record, CancellationToken cancellationToken);
}
