namespace Invitations.Data.Persistence.Entities;

/// <summary>
/// The SMS gateway's rate, shared by every Worker: when the last message handed a slot may leave (pushed on by a
/// 429's pause), and the slots of the last <c>Sms:RateBurst</c> messages, a ring read and written only by the
/// <c>sms_take_slots</c> function (migration <c>SmsSendWindow</c>): a message may not leave before the one that many
/// places back plus the window. An acquisition takes its slots in one call and waits, without a lock or a
/// connection, for them.
/// </summary>
public sealed class SmsRateLimit
{
    public required string Name { get; set; }

    public DateTimeOffset NextSlotAt { get; set; }

    public DateTimeOffset[] WindowSlots { get; set; } = [];

    public int WindowHead { get; set; }
}
