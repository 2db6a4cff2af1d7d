namespace Invitations.Contracts.Dealers;

/// <summary>
/// The stable reason codes of a failed row (<see cref="DealerInvitationFailed.ReasonCode"/>, the row's
/// <c>error_code</c>, the results file): the Worker writes them, retry-failed decides by them.
/// </summary>
public static class RejectionReasons
{
    /// <summary>The email already belongs to a dealer or a pending invitation of the sponsor; retried once it is free.</summary>
    public const string DealerExists = "dealer-exists";

    /// <summary>The job's reserved codes ran out for the row.</summary>
    public const string CodesUnavailable = "codes-unavailable";

    /// <summary>The phone cannot receive SMS; never retried.</summary>
    public const string InvalidPhone = "invalid-phone";

    /// <summary>The SMS gateway refused the message for good.</summary>
    public const string SmsRejected = "sms-rejected";

    /// <summary>Every retry and redelivery failed; the row carries the last error.</summary>
    public const string RetriesExhausted = "retries-exhausted";
}
