namespace Invitations.Contracts.Dealers;

public sealed record DealerInvited
{
    public required Guid BulkJobId { get; init; }
    public required int RowNumber { get; init; }
    public required int Attempt { get; init; }

    /// <summary>The invitation (Invite) or the dealer account (AutoCreate) the row produced.</summary>
    public required Guid InvitationId { get; init; }

    public Guid? DealerId { get; init; }
    public required int CodesHandedOver { get; init; }
    public required string DealerEmailMasked { get; init; }
    public required DateTimeOffset At { get; init; }
}
