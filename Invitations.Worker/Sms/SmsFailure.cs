using Invitations.Worker.Dealers;

namespace Invitations.Worker.Sms;

/// <summary>What a failed SMS attempt says about whether the message went out anyway.</summary>
public static class SmsFailure
{
    /// <summary>
    /// The gateway gave no answer (a timeout, a connection lost mid-request): it may have taken the message.
    /// An answer (4xx, 5xx, 429) or a refusal before sending means it did not.
    /// </summary>
    public static bool InDoubt(Exception error) =>
        error is DealerTransientException { InnerException: HttpRequestException or OperationCanceledException or TimeoutException };
}
