namespace Invitations.Worker.Sms;

/// <summary>One SMS: an invitation's first (<paramref name="ResendNumber"/> 0) or its n-th resend.</summary>
public sealed record SmsRequest(Guid InvitationId, Guid BulkJobId, int RowNumber, string Phone, string Body, int ResendNumber = 0)
{
    /// <summary>One key per message: a retried send of it is the same SMS, a later resend another.</summary>
    public string IdempotencyKey => ResendNumber == 0 ? InvitationId.ToString("N") : $"{InvitationId:N}-{ResendNumber}";
}
