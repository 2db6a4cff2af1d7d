namespace Invitations.Worker.Sms;

/// <summary>
/// Sends SMS. Throws (or, for several at once, answers per message with) <c>DealerTransientException</c> for
/// faults worth retrying and <c>DealerRejectedException</c> when the gateway refuses the message.
/// </summary>
public interface ISmsSender
{
    string Name { get; }

    /// <summary>Returns the provider's message id, when it gives one.</summary>
    Task<string?> SendAsync(SmsRequest request, CancellationToken cancellationToken);

    /// <summary>
    /// Several messages, each with its own result. A provider that takes several in one request overrides
    /// this; otherwise they are sent one request each, <paramref name="concurrency"/> at a time.
    /// </summary>
    async Task<SmsResult[]> SendManyAsync(IReadOnlyList<SmsRequest> requests, int concurrency, CancellationToken cancellationToken)
    {
        var results = new SmsResult[requests.Count];
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, concurrency), CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(Enumerable.Range(0, requests.Count), parallel, async (i, token) =>
        {
            try
            {
                results[i] = SmsResult.Sent(await SendAsync(requests[i], token));
            }
            catch (Exception ex) when (!(ex is OperationCanceledException && token.IsCancellationRequested))
            {
                results[i] = SmsResult.Failed(ex);
            }
        });
        return results;
    }
}

/// <summary>One message's result: the provider's message id (when it gives one), or why it was not sent.</summary>
public sealed record SmsResult(string? ProviderMessageId, Exception? Error)
{
    public static SmsResult Sent(string? providerMessageId) => new(providerMessageId, null);

    public static SmsResult Failed(Exception error) => new(null, error);
}
