namespace Invitations.Api.SmsDeliveryReports;

/// <summary>A job's SMS as the gateway's reports tell it: sent, then delivered, undelivered or still awaiting a final report.</summary>
public sealed record SmsDeliverySummaryResponse(Guid JobId, int Sent, int Delivered, int Undelivered, int AwaitingReport);
