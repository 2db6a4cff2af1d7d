using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Invitations.SmsGatewayStub;

/// <summary>
/// Posts each accepted SMS's delivery report to <see cref="StubMode.DeliveryReportUrl"/> after
/// <see cref="StubMode.DeliveryReportDelayMs"/>, signed with HMAC-SHA256 of the body under the mode's secret (hex,
/// in its header), as a real gateway would; a report not answered 2xx is posted again every second for a minute
/// (a 404 too: the Worker may not have stored the message id yet when the report comes).
/// </summary>
public sealed class DeliveryReporter(SmsGateway gateway, TimeProvider time) : IDisposable
{
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(10) };
    private long _posted, _recorded, _refused;

    public object Stats() => new
    {
        Posted = Interlocked.Read(ref _posted),
        Recorded = Interlocked.Read(ref _recorded),
        Refused = Interlocked.Read(ref _refused),
    };

    public void Schedule(string messageId)
    {
        var mode = gateway.Mode;
        if (string.IsNullOrEmpty(mode.DeliveryReportUrl))
        {
            return;
        }

        _ = Task.Run(() => PostAsync(mode, messageId));
    }

    public void Dispose() => _http.Dispose();

    private async Task PostAsync(StubMode mode, string messageId)
    {
        await Task.Delay(TimeSpan.FromMilliseconds(mode.DeliveryReportDelayMs), time);
        var body = JsonSerializer.Serialize(new { messageId, status = "delivered", reportedAt = time.GetUtcNow() }, JsonSerializerOptions.Web);
        var signature = Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(mode.DeliveryReportSecret), Encoding.UTF8.GetBytes(body)));
        for (var attempt = 0; attempt < 60; attempt++)
        {
            try
            {
                using var content = new StringContent(body, Encoding.UTF8, "application/json");
                content.Headers.Add(mode.DeliveryReportHeader, signature);
                Interlocked.Increment(ref _posted);
                using var response = await _http.PostAsync(mode.DeliveryReportUrl, content);
                if (response.IsSuccessStatusCode)
                {
                    Interlocked.Increment(ref _recorded);
                    return;
                }

                Interlocked.Increment(ref _refused);
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                // Posted again below, as a real gateway retries its callbacks.
            }

            await Task.Delay(TimeSpan.FromSeconds(1), time);
        }
    }
}
