namespace Invitations.Worker.Dealers;

/// <summary>What a row produced; <see cref="Skipped"/> when a cancel skipped it before it ran.</summary>
public sealed record DealerResult(Guid InvitationId, Guid? DealerId, int CodesHandedOver, string EmailMasked, bool Skipped)
{
    public static DealerResult SkippedRow(string emailMasked) => new(Guid.Empty, null, 0, emailMasked, true);
}
