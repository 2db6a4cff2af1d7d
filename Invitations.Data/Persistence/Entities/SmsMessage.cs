namespace Invitations.Data.Persistence.Entities;

/// <summary>An SMS the service sent (or, with the Log provider, would have sent).</summary>
public sealed class SmsMessage
{
    public long Id { get; set; }
    public Guid InvitationId { get; set; }

    /// <summary>0 for the invitation's first SMS, n for its n-th resend.</summary>
    public int ResendNumber { get; set; }
    public Guid BulkJobId { get; set; }
    public int RowNumber { get; set; }
    public required string Phone { get; set; }
    public required string Body { get; set; }
    public required string Provider { get; set; }
    public string? ProviderMessageId { get; set; }
    public DateTimeOffset SentAt { get; set; }
}
