using Invitations.Contracts.BulkInvitations;

namespace Invitations.Api.Hubs;

/// <summary>What the throttle remembers about one job. Every field is read and written under <see cref="Lock"/>.</summary>
internal sealed class JobProgressGate
{
    public SemaphoreSlim Lock { get; } = new(1, 1);

    public long LastSentSequence { get; set; } = -1;

    public DateTimeOffset LastSentAt { get; set; } = DateTimeOffset.MinValue;

    /// <summary>The newest progress held back by the throttle, sent when the interval has passed.</summary>
    public BulkInvitationProgressed? Pending { get; set; }

    public ITimer? FlushTimer { get; set; }

    /// <summary>Set once the completion was sent: nothing older may follow it.</summary>
    public long? CompletedSequence { get; set; }

    public DateTimeOffset? FinishedAt { get; set; }
    /// <summary>Processed rows in the last progress sent, so a completion repeats it only when it differs.</summary>
    public int LastSentProcessed { get; set; } = -1;
}
