using System.Globalization;

namespace Invitations.Worker.Sms;

/// <summary>One SMS: an invitation's first (<paramref name="ResendNumber"/> 0) or its n-th resend.</summary>
public sealed record SmsRequest(Guid InvitationId, Guid BulkJobId, int RowNumber, string Phone, string Body, int ResendNumber = 0)
{
    /// <summary>
    /// The gateway's idempotency key: the invitation id, so every retry, redelivery and re-dispatch of the row's
    /// SMS carries the same one; the n-th resend has a key of its own (a retried resend is the same SMS, a later
    /// resend another).
    /// </summary>
    public string IdempotencyKey => ResendNumber == 0
        ? InvitationId.ToString("D", CultureInfo.InvariantCulture)
        : string.Create(CultureInfo.InvariantCulture, $"{InvitationId:D}-resend-{ResendNumber}");
}
