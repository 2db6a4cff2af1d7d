namespace Invitations.Worker.Sms;

/// <summary>
/// What one gateway request came back with: a result per message, where <c>null</c> means throttled (429: send
/// it again later, it is not a fault), and the gateway's <c>Retry-After</c> when it gave one.
/// </summary>
public sealed record SmsAnswer(SmsResult?[] Results, TimeSpan? RetryAfter)
{
    public bool Throttled => Results.Any(r => r is null);

    public static SmsAnswer All(int count, SmsResult? result, TimeSpan? retryAfter = null) =>
        new([.. Enumerable.Repeat(result, count)], retryAfter);
}
