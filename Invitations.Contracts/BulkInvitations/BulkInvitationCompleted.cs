using System.Diagnostics.CodeAnalysis;

namespace Invitations.Contracts.BulkInvitations;

/// <summary>The job reached a final state: <see cref="BulkJobCounts.Status"/> is Completed, PartialSuccess, Failed or Cancelled.</summary>
public sealed record BulkInvitationCompleted : BulkJobCounts
{
    public BulkInvitationCompleted()
    {
    }

    [SetsRequiredMembers]
    public BulkInvitationCompleted(BulkJobCounts counts, DateTimeOffset completedAt)
        : base(counts) => CompletedAt = completedAt;

    public required DateTimeOffset CompletedAt { get; init; }
}
