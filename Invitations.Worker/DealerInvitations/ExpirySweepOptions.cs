using System.ComponentModel.DataAnnotations;

namespace Invitations.Worker.DealerInvitations;

/// <summary><c>Invitations</c>: how often the Worker expires pending invitations past their <c>expires_at</c>.</summary>
public sealed class ExpirySweepOptions
{
    public const string SectionName = "Invitations";

    public TimeSpan ExpirySweepInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Invitations expired per transaction; a sweep takes batches until none are due.</summary>
    [Range(1, 100_000)]
    public int ExpirySweepBatchSize { get; set; } = 1_000;
}
