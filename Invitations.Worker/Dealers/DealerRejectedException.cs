namespace Invitations.Worker.Dealers;

/// <summary>A business rejection: the row cannot succeed as it is, so it is never retried.</summary>
public sealed class DealerRejectedException(string reasonCode, string reason) : Exception(reason)
{
    public const string DealerExists = "dealer-exists";
    public const string CodesUnavailable = "codes-unavailable";
    public const string InvalidPhone = "invalid-phone";
    public const string SmsRejected = "sms-rejected";

    public string ReasonCode { get; } = reasonCode;
}
