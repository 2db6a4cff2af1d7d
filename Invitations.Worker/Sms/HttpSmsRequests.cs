using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Invitations.Worker.Sms;

/// <summary>The gateway request for one message (<c>BodyTemplate</c>) or a batch (<c>BatchBodyTemplate</c>).</summary>
public static class HttpSmsRequests
{
    public static HttpRequestMessage Create(HttpSmsOptions settings, IReadOnlyList<SmsRequest> requests)
    {
        var batch = settings.BatchSize > 1;
        var body = batch
            ? settings.BatchBodyTemplate.Replace("{Messages}", string.Join(',', requests.Select(r => Fill(settings.BatchItemTemplate, r))), StringComparison.Ordinal)
            : Fill(settings.BodyTemplate, requests[0]);
        var url = batch && !string.IsNullOrEmpty(settings.BatchUrl) ? settings.BatchUrl : settings.Url;
        var message = new HttpRequestMessage(HttpMethod.Post, url)
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        if (!batch)
        {
            // The same key on every retry, redelivery and re-dispatch of this SMS: a gateway that honours it sends
            // the message once. A batch carries each message's key as its item's reference instead.
            message.Headers.TryAddWithoutValidation(settings.IdempotencyKeyHeader, requests[0].IdempotencyKey);
        }

        if (!string.IsNullOrEmpty(settings.Username))
        {
            var credentials = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{settings.Username}:{settings.Password}"));
            message.Headers.Authorization = new AuthenticationHeaderValue("Basic", credentials);
        }

        return message;
    }

    /// <summary>The reference a batch item carries and its result is matched by: the message's idempotency key.</summary>
    public static string Reference(SmsRequest request) => request.IdempotencyKey;

    private static string Fill(string template, SmsRequest request) =>
        template
            .Replace("{Phone}", JsonText(request.Phone), StringComparison.Ordinal)
            .Replace("{Message}", JsonText(request.Body), StringComparison.Ordinal)
            .Replace("{Reference}", Reference(request), StringComparison.Ordinal);

    private static string JsonText(string value)
    {
        var quoted = JsonSerializer.Serialize(value);
        return quoted[1..^1];
    }
}
