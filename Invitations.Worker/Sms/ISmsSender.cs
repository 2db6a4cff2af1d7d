namespace Invitations.Worker.Sms;

/// <summary>
/// Sends one SMS. Throws <c>DealerTransientException</c> for faults worth retrying and
/// <c>DealerRejectedException</c> when the gateway refuses the message.
/// </summary>
public interface ISmsSender
{
    string Name { get; }

    /// <summary>Returns the provider's message id, when it gives one.</summary>
    Task<string?> SendAsync(SmsRequest request, CancellationToken cancellationToken);
}
