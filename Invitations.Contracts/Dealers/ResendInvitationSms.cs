namespace Invitations.Contracts.Dealers;

/// <summary>Send a pending invitation's SMS again; the n-th resend of an invitation is sent at most once.</summary>
public sealed record ResendInvitationSms
{
    public required Guid BulkJobId { get; init; }
    public required int RowNumber { get; init; }
    public required Guid InvitationId { get; init; }

    /// <summary>1 for the first resend, then one more per resend asked for.</summary>
    public required int ResendNumber { get; init; }
}
