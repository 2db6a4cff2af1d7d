namespace Invitations.Contracts.BulkInvitations;

/// <summary>
/// Which job statuses are still running and which are final: the upload's "same file still running" check, cancel
/// and retry-failed all decide here.
/// </summary>
public static class BulkJobStatuses
{
    /// <summary>Pending or Processing: the saga may still change the job (and a cancel still applies).</summary>
    public static IReadOnlyList<BulkJobStatus> Running { get; } = [BulkJobStatus.Pending, BulkJobStatus.Processing];

    /// <summary>The job has ended: Completed, PartialSuccess, Failed or Cancelled.</summary>
    public static bool IsFinal(this BulkJobStatus status) => !Running.Contains(status);

    /// <summary>Its failed rows may run again: the job ran to its end (a cancelled job stays cancelled).</summary>
    public static bool CanRetryFailed(this BulkJobStatus status) => status.IsFinal() && status != BulkJobStatus.Cancelled;
}
