using Invitations.Worker.Dealers;

namespace Invitations.Worker.Sms;

/// <summary>What a failed SMS attempt says about whether the message went out anyway.</summary>
public static class SmsFailure
{
    /// <summary>
    /// The gateway gave no answer to a request it may have received (the client's timeout, a connection lost
    /// mid-request): it may have taken the message. An answer (4xx, 5xx, 429), a refusal before sending, or a
    /// connection that never opened means it did not.
    /// </summary>
    public static bool InDoubt(Exception error) => error is DealerTransientException
    {
        InnerException: OperationCanceledException or TimeoutException
            or HttpRequestException { HttpRequestError: not (HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError) },
    };
}
