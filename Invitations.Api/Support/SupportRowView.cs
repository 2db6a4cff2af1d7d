namespace Invitations.Api.Support;

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
    string? SmsDelivery = null,
    string? SmsDeliveryReason = null,
    DateTimeOffset? SmsDeliveryReportedAt = null);
