namespace Invitations.Sagas.BulkInvitation.Messages;

/// <summary>
/// Sent by the Worker's sweep for a job found Processing with no outcome for a while (docs/RELIABILITY.md,
/// "Stuck jobs"): the saga recounts it, completes it when every row has its outcome, or dispatches its pending
/// rows again. Found from the database, so it does not depend on a scheduled stall check that can be lost.
/// </summary>
public sealed record BulkInvitationSweep
{
    public required Guid BulkJobId { get; init; }

    /// <summary>The saga's last outcome time the sweep saw; a sweep that finds the job moved since is ignored.</summary>
    public DateTimeOffset? QuietSince { get; init; }
}
