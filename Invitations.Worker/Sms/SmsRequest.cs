using System.Globalization;

namespace Invitations.Worker.Sms;

public sealed record SmsRequest(Guid InvitationId, Guid BulkJobId, int RowNumber, string Phone, string Body)
{
    /// <summary>
    /// The gateway's idempotency key: the invitation id, so every retry, redelivery and re-dispatch of the
    /// row's SMS carries the same one.
    /// </summary>
    public string IdempotencyKey => InvitationId.ToString("D", CultureInfo.InvariantCulture);
}
