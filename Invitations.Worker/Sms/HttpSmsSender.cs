using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Invitations.Worker.Dealers;
using Microsoft.Extensions.Options;

namespace Invitations.Worker.Sms;

/// <summary>A generic HTTP gateway: 5xx and timeouts are transient, 4xx are rejections.</summary>
public sealed class HttpSmsSender(HttpClient http, IOptions<SmsOptions> options) : ISmsSender
{
    public string Name => "Http";

    public async Task<string?> SendAsync(SmsRequest request, CancellationToken cancellationToken)
    {
        var settings = options.Value.Http;
        var body = settings.BodyTemplate
            .Replace("{Phone}", JsonText(request.Phone), StringComparison.Ordinal)
            .Replace("{Message}", JsonText(request.Body), StringComparison.Ordinal);
        using var message = new HttpRequestMessage(HttpMethod.Post, settings.Url)
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        message.Headers.TryAddWithoutValidation(settings.IdempotencyKeyHeader, request.IdempotencyKey);
        if (!string.IsNullOrEmpty(settings.Username))
        {
            var credentials = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{settings.Username}:{settings.Password}"));
            message.Headers.Authorization = new AuthenticationHeaderValue("Basic", credentials);
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(settings.Timeout);
        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(message, timeout.Token);
        }
        catch (Exception ex) when (ex is HttpRequestException || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            throw new DealerTransientException("The SMS gateway did not answer.", ex);
        }

        using (response)
        {
            if ((int)response.StatusCode >= 500 || response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                throw new DealerTransientException($"The SMS gateway answered {(int)response.StatusCode}.");
            }

            if (!response.IsSuccessStatusCode)
            {
                throw new DealerRejectedException(
                    DealerRejectedException.SmsRejected, $"The SMS gateway refused the message ({(int)response.StatusCode}).");
            }

            return response.Headers.TryGetValues("X-Message-Id", out var ids) ? ids.FirstOrDefault() : null;
        }
    }

    private static string JsonText(string value)
    {
        var quoted = JsonSerializer.Serialize(value);
        return quoted[1..^1];
    }
}
