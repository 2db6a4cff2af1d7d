using System.Diagnostics.CodeAnalysis;

namespace Invitations.Contracts.BulkInvitations;

/// <summary>The job's counts moved; carries the latest dealer's outcome for the live view.</summary>
public sealed record BulkInvitationProgressed : BulkJobCounts
{
    public BulkInvitationProgressed()
    {
    }

    [SetsRequiredMembers]
    public BulkInvitationProgressed(BulkJobCounts counts, DateTimeOffset at)
        : base(counts) => At = at;

    /// <summary>Already masked by the saga: progress events never carry a full email.</summary>
    public string? LatestDealerEmailMasked { get; init; }

    public bool? LatestDealerSuccess { get; init; }
    public string? LatestDealerError { get; init; }

    public required DateTimeOffset At { get; init; }
}
