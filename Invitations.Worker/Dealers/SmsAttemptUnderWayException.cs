namespace Invitations.Worker.Dealers;

/// <summary>
/// Another delivery of the row holds a live claim on its SMS attempt (its request may be in flight): this one
/// must not send. Retried in memory like a transient fault; then looked at again when the claim ends, without
/// using up the row's redeliveries, so a live claim never fails the row.
/// </summary>
public sealed class SmsAttemptUnderWayException(DateTimeOffset claimedUntil)
    : Exception($"The row's SMS attempt is under way in another delivery (claimed until {claimedUntil:O}).")
{
    public DateTimeOffset ClaimedUntil { get; } = claimedUntil;
}
