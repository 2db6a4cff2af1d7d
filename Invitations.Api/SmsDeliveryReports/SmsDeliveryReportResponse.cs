namespace Invitations.Api.SmsDeliveryReports;

/// <summary>Whether this report changed what is recorded (false: a duplicate, or older than what is kept).</summary>
public sealed record SmsDeliveryReportResponse(string MessageId, bool Recorded);
