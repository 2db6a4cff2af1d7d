using System.Text;
using System.Text.Json;

namespace Invitations.SmsGatewayStub;

/// <summary>What every stub endpoint does with a request whatever the mode: its auth, its body, its answer, a delay.</summary>
internal static class StubRequests
{
    internal static IResult Answer(HttpRequest request, string id)
    {
        request.HttpContext.Response.Headers["X-Message-Id"] = id;
        return Results.Json(new { id });
    }

    internal static async Task DelayAsync(int milliseconds, CancellationToken aborted)
    {
        if (milliseconds <= 0)
        {
            return;
        }

        try
        {
            await Task.Delay(milliseconds, aborted);
        }
        catch (OperationCanceledException)
        {
            // The client gave up (its timeout); the SMS stays accepted, as at a real gateway.
        }
    }

    internal static bool Authorized(HttpRequest request, StubMode mode)
    {
        if (string.IsNullOrEmpty(mode.Username))
        {
            return true;
        }

        var expected = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{mode.Username}:{mode.Password}"));
        return string.Equals(request.Headers.Authorization.FirstOrDefault(), expected, StringComparison.Ordinal);
    }

    internal static async Task<(string? To, string? Text)> ReadBodyAsync(HttpRequest request, CancellationToken aborted)
    {
        try
        {
            using var body = await JsonDocument.ParseAsync(request.Body, cancellationToken: aborted);
            var root = body.RootElement;
            return root.ValueKind == JsonValueKind.Object
                && root.TryGetProperty("to", out var to) && to.ValueKind == JsonValueKind.String
                && root.TryGetProperty("text", out var text) && text.ValueKind == JsonValueKind.String
                ? (to.GetString(), text.GetString())
                : (null, null);
        }
        catch (JsonException)
        {
            return (null, null);
        }
    }
}
