namespace Invitations.Worker.Dealers;

/// <summary>What a delivery leaves to publish: the row's recorded outcome, or nothing.</summary>
public sealed record DealerResult(
    DealerResultKind Kind, string EmailMasked, Guid? InvitationId = null, Guid? DealerId = null, int CodesHandedOver = 0,
    string? ReasonCode = null, string? Reason = null)
{
    public static DealerResult Nothing(string emailMasked) => new(DealerResultKind.Nothing, emailMasked);
}
