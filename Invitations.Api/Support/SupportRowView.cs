namespace Invitations.Api.Support;

/// <summary>
/// One row as support sees it. <c>SmsPossiblyTwice</c>: its SMS was sent again after an attempt whose result
/// is unknown (a Worker crash mid-send, a gateway that did not answer within the timeout), so a gateway that
/// ignores the idempotency key may have delivered it twice.
/// </summary>
public sealed record SupportRowView(
    int RowNumber,
    string Email,
    string Phone,
    string DealerName,
    string Tier,
    int CodeCount,
    string Status,
    int Attempts,
    string? ErrorCode,
    string? Error,
    Guid? InvitationId,
    DateTimeOffset? CompletedAt,
    bool SmsPossiblyTwice = false,
    string? SmsDelivery = null,
    string? SmsDeliveryReason = null,
    DateTimeOffset? SmsDeliveryReportedAt = null);
