namespace Invitations.Api.SmsDeliveryReports;

/// <summary>
/// One report: the gateway's message id, <c>delivered</c>, <c>undelivered</c> (with the operator's reason) or
/// <c>sent</c> (not final yet), and when the gateway saw it (optional: when it arrived, else).
/// </summary>
public sealed record SmsDeliveryReportRequest
{
    public string? MessageId { get; init; }
    public string? Status { get; init; }
    public string? Reason { get; init; }
    public DateTimeOffset? ReportedAt { get; init; }
}
