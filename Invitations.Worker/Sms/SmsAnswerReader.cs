using System.Net;
using System.Text.Json;
using Invitations.Contracts.Dealers;
using Invitations.Worker.Dealers;

namespace Invitations.Worker.Sms;

/// <summary>
/// Reads a gateway answer: 429 is throttling (with its <c>Retry-After</c>, seconds or an HTTP date), 5xx is
/// transient, another 4xx refuses every message of the request; a 2xx batch answer carries one result per
/// message with an HTTP-like status of its own.
/// </summary>
public static class SmsAnswerReader
{
    private const int MaxAnswerDepth = 8;

    public static async Task<SmsAnswer> ReadAsync(
        HttpResponseMessage response, IReadOnlyList<SmsRequest> requests, HttpSmsOptions settings, TimeProvider clock, CancellationToken cancellationToken)
    {
        var status = (int)response.StatusCode;
        if (response.StatusCode == HttpStatusCode.TooManyRequests)
        {
            return SmsAnswer.All(requests.Count, null, RetryAfter(response, clock));
        }

        if (status >= 500)
        {
            return SmsAnswer.All(requests.Count, SmsResult.Failed(new DealerTransientException($"The SMS gateway answered {status}.")));
        }

        if (!response.IsSuccessStatusCode)
        {
            return SmsAnswer.All(requests.Count, SmsResult.Failed(Refused(status, null)));
        }

        if (settings.BatchSize <= 1)
        {
            return SmsAnswer.All(1, SmsResult.Sent(await SingleIdAsync(response, cancellationToken)));
        }

        try
        {
            var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
            using var json = JsonDocument.Parse(body, new JsonDocumentOptions { MaxDepth = MaxAnswerDepth });
            return PerMessage(json.RootElement, requests, settings.BatchResultsProperty) with { RetryAfter = RetryAfter(response, clock) };
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or KeyNotFoundException or FormatException or ArgumentException)
        {
            // Some may have gone out: a retry is the only way to learn, and the gateway's idempotency keys dedupe it.
            return SmsAnswer.All(requests.Count, SmsResult.Failed(new DealerTransientException("The SMS gateway's batch answer could not be read.", ex)));
        }
    }

    private static SmsAnswer PerMessage(JsonElement root, IReadOnlyList<SmsRequest> requests, string property)
    {
        var items = root.GetProperty(property).EnumerateArray().ToArray();
        var byReference = items.All(i => i.TryGetProperty("ref", out _))
            ? items.ToDictionary(i => i.GetProperty("ref").GetString() ?? string.Empty, StringComparer.OrdinalIgnoreCase)
            : null;
        if (byReference is null && items.Length != requests.Count)
        {
            throw new InvalidOperationException($"{items.Length} results for {requests.Count} messages.");
        }

        var results = new SmsResult?[requests.Count];
        for (var i = 0; i < requests.Count; i++)
        {
            if (byReference is not null && !byReference.ContainsKey(HttpSmsRequests.Reference(requests[i])))
            {
                results[i] = SmsResult.Failed(new DealerTransientException("The SMS gateway's batch answer left this message out."));
                continue;
            }

            var item = byReference?[HttpSmsRequests.Reference(requests[i])] ?? items[i];
            var status = item.GetProperty("status").GetInt32();
            results[i] = status switch
            {
                >= 200 and < 300 => SmsResult.Sent(Text(item, "messageId")),
                429 => null,
                >= 500 => SmsResult.Failed(new DealerTransientException($"The SMS gateway answered {status} for this message.")),
                _ => SmsResult.Failed(Refused(status, Text(item, "error"))),
            };
        }

        return new SmsAnswer(results, null);
    }

    private static DealerRejectedException Refused(int status, string? error) =>
        new(RejectionReasons.SmsRejected, error is null
            ? $"The SMS gateway refused the message ({status})."
            : $"The SMS gateway refused the message ({status}: {error[..Math.Min(error.Length, 200)]}).");

    private static async Task<string?> SingleIdAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.Headers.TryGetValues("X-Message-Id", out var ids))
        {
            return ids.FirstOrDefault();
        }

        if (response.Content.Headers.ContentType?.MediaType != "application/json")
        {
            return null;
        }

        try
        {
            using var json = JsonDocument.Parse(await response.Content.ReadAsByteArrayAsync(cancellationToken), new JsonDocumentOptions { MaxDepth = MaxAnswerDepth });
            return json.RootElement.ValueKind == JsonValueKind.Object ? Text(json.RootElement, "messageId") : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string? Text(JsonElement item, string name) =>
        item.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static TimeSpan? RetryAfter(HttpResponseMessage response, TimeProvider clock) =>
        response.Headers.RetryAfter switch
        {
            { Delta: { } delta } => delta,
            { Date: { } date } => date - clock.GetUtcNow() is var wait && wait > TimeSpan.Zero ? wait : TimeSpan.Zero,
            _ => null,
        };
}
