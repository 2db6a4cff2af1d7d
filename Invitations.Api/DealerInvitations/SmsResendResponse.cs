namespace Invitations.Api.DealerInvitations;

/// <summary><c>202</c> of resend-sms: the Worker sends resend number <paramref name="ResendNumber"/> of the row's invitation.</summary>
public sealed record SmsResendResponse(Guid InvitationId, int RowNumber, int ResendNumber);
