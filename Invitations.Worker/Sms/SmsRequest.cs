namespace Invitations.Worker.Sms;

public sealed record SmsRequest(Guid InvitationId, Guid BulkJobId, int RowNumber, string Phone, string Body);
