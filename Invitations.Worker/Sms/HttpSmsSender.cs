using System.Runtime.ExceptionServices;
using Invitations.Worker.Dealers;
using Microsoft.Extensions.Options;

namespace Invitations.Worker.Sms;

/// <summary>
/// A generic HTTP gateway: messages leave at the slots the shared rate limiter hands out, one request
/// each or <c>Sms:Http:BatchSize</c> per request, as many in flight as the pacing needs (up to
/// <c>Sms:Http:MaxInFlight</c>), not a fixed number per group. A 429 pauses every send and the message goes
/// again later: it is neither a fault nor a retry. 5xx and timeouts are transient, other 4xx are rejections.
/// A first SMS the gateway took is marked sent at once (<see cref="SmsSentRecorder"/>).
/// </summary>
public sealed partial class HttpSmsSender(
    HttpClient http, IOptions<SmsOptions> options, SmsRateLimiter limiter, SmsInFlight inFlight, SmsSentRecorder recorder, TimeProvider clock, ILogger<HttpSmsSender> logger)
    : ISmsSender
{
    /// <summary>
    /// Rounds in which a request too late for its slot takes a new one; after them it leaves late (a machine so
    /// busy that every slot comes too late would otherwise never send).
    /// </summary>
    private const int MaxLateRounds = 3;

    public string Name => "Http";

    public async Task<string?> SendAsync(SmsRequest request, CancellationToken cancellationToken)
    {
        var result = (await SendManyAsync([request], 1, cancellationToken))[0];
        if (result.Error is not null)
        {
            ExceptionDispatchInfo.Throw(result.Error);
        }

        return result.ProviderMessageId;
    }

    /// <summary><paramref name="concurrency"/> is not used: the limiter's pacing and MaxInFlight decide.</summary>
    public async Task<SmsResult[]> SendManyAsync(IReadOnlyList<SmsRequest> requests, int concurrency, CancellationToken cancellationToken)
    {
        var results = new SmsResult?[requests.Count];
        var pending = Enumerable.Range(0, requests.Count).ToArray();
        for (var round = 0; pending.Length > 0; round++)
        {
            // One round trip to the limiter for every message of the round; it cuts the round into requests.
            var slots = await limiter.AcquireAsync(pending.Length, options.Value.Http.BatchSize, cancellationToken);
            var sends = new List<Task>(slots.Count);
            var taken = 0;
            foreach (var slot in slots)
            {
                sends.Add(SendBatchAsync(requests, pending[taken..(taken + slot.Messages)], slot.At, round < MaxLateRounds, results, cancellationToken));
                taken += slot.Messages;
            }

            await Task.WhenAll(sends);
            pending = [.. pending.Where(i => results[i] is null)];
        }

        return results!;
    }

    private async Task SendBatchAsync(
        IReadOnlyList<SmsRequest> requests, int[] batch, DateTimeOffset at, bool mayDefer, SmsResult?[] results, CancellationToken cancellationToken)
    {
        if (!await limiter.WaitAsync(at, cancellationToken))
        {
            // A 429 came while this waited: not sent, it takes a new slot after the pause (results stay null).
            return;
        }

        SmsAnswer answer;
        using (await inFlight.EnterAsync(cancellationToken))
        {
            var late = clock.GetUtcNow() - at;
            if (mayDefer && limiter.Limited && late > options.Value.MaxSendLateness)
            {
                // Too late for its slot (a busy machine, every request slot in use): leaving now could put it in the
                // gateway's next second on top of that second's share. It takes a new slot (results stay null).
                LogLate(logger, batch.Length, late.TotalMilliseconds);
                return;
            }

            answer = await ExchangeAsync([.. batch.Select(i => requests[i])], cancellationToken);
        }

        for (var k = 0; k < batch.Length; k++)
        {
            results[batch[k]] = answer.Results[k];
        }

        await recorder.RecordAsync([.. batch.Select(i => requests[i])], answer.Results, cancellationToken);

        if (!answer.Throttled)
        {
            limiter.Accepted();
            return;
        }

        var max = options.Value.ThrottleMaxPause;
        var pause = answer.RetryAfter is { } asked ? (asked > max ? max : asked) : limiter.Backoff();
        LogThrottled(logger, answer.Results.Count(r => r is null), answer.RetryAfter is not null, pause.TotalMilliseconds);
        await limiter.ThrottledAsync(pause, cancellationToken);
    }

    private async Task<SmsAnswer> ExchangeAsync(SmsRequest[] batch, CancellationToken cancellationToken)
    {
        var settings = options.Value.Http;
        using var message = HttpSmsRequests.Create(settings, batch);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(settings.Timeout);
        try
        {
            using var response = await http.SendAsync(message, timeout.Token);
            return await SmsAnswerReader.ReadAsync(response, batch, settings, clock, timeout.Token);
        }
        catch (Exception ex) when (ex is HttpRequestException || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            return SmsAnswer.All(batch.Length, SmsResult.Failed(new DealerTransientException("The SMS gateway did not answer.", ex)));
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Count} SMS were {LateMs} ms late for their send slot and take a new one")]
    private static partial void LogLate(ILogger logger, int count, double lateMs);

    [LoggerMessage(Level = LogLevel.Warning, Message = "SMS gateway throttled {Count} messages (Retry-After given: {RetryAfterGiven}); sends pause for {PauseMs} ms")]
    private static partial void LogThrottled(ILogger logger, int count, bool retryAfterGiven, double pauseMs);
}
