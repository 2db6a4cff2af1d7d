using System.Text.Json;

namespace Invitations.SmsGatewayStub;

/// <summary>
/// <c>POST /sms/batch</c>: many messages in one request, <c>{"messages":[{"ref","to","text"}]}</c> (the HTTP
/// provider's default batch templates), answered <c>{"results":[{"ref","status","messageId"}]}</c> with a status
/// per message: 202 accepted, 429 above the rate limit (each message counts against it). Every message above
/// the limit: the whole request is 429; a 429 of one or all carries <c>Retry-After: 1</c> when the mode says so. Credentials and down as for <c>/sms</c>; no failing fraction, no keys.
/// </summary>
public sealed class BatchGateway(SmsGateway gateway)
{
    public async Task<IResult> HandleAsync(HttpRequest request, CancellationToken aborted)
    {
        gateway.Count(StubAnswer.Request);
        var mode = gateway.Mode;
        if (!StubRequests.Authorized(request, mode))
        {
            gateway.Count(StubAnswer.Unauthorized);
            return Results.Unauthorized();
        }

        if (mode.Down)
        {
            gateway.Count(StubAnswer.Down);
            return Results.StatusCode(StatusCodes.Status503ServiceUnavailable);
        }

        var messages = await ReadAsync(request, aborted);
        if (messages is null)
        {
            gateway.Count(StubAnswer.BadRequest);
            return Results.BadRequest("the body must be {\"messages\":[{\"ref\":\"…\",\"to\":\"…\",\"text\":\"…\"}]}");
        }

        var results = new List<object>(messages.Count);
        var limited = 0;
        foreach (var (reference, to, text) in messages)
        {
            if (!gateway.WithinRateLimit(mode))
            {
                limited++;
                results.Add(new { @ref = reference, status = StatusCodes.Status429TooManyRequests, messageId = (string?)null });
                continue;
            }

            var id = Guid.NewGuid().ToString("N");
            gateway.Record(id, null, to, text);
            results.Add(new { @ref = reference, status = StatusCodes.Status202Accepted, messageId = (string?)id });
        }

        gateway.Count(StubAnswer.RateLimited, limited);
        if (limited > 0 && mode.RetryAfter)
        {
            request.HttpContext.Response.Headers.RetryAfter = "1";
        }

        if (limited == messages.Count)
        {
            return Results.StatusCode(StatusCodes.Status429TooManyRequests);
        }

        await StubRequests.DelayAsync(mode.LatencyMs, aborted);
        return Results.Json(new { results });
    }

    private static async Task<List<(string? Ref, string To, string Text)>?> ReadAsync(HttpRequest request, CancellationToken aborted)
    {
        try
        {
            using var body = await JsonDocument.ParseAsync(request.Body, cancellationToken: aborted);
            if (body.RootElement.ValueKind != JsonValueKind.Object || !body.RootElement.TryGetProperty("messages", out var items) || items.ValueKind != JsonValueKind.Array)
            {
                return null;
            }

            var messages = new List<(string? Ref, string To, string Text)>();
            foreach (var item in items.EnumerateArray())
            {
                if (item.ValueKind != JsonValueKind.Object || !item.TryGetProperty("to", out var to) || !item.TryGetProperty("text", out var text)
                    || to.GetString() is not { } phone || text.GetString() is not { } message)
                {
                    return null;
                }

                messages.Add((item.TryGetProperty("ref", out var reference) ? reference.GetString() : null, phone, message));
            }

            return messages.Count > 0 ? messages : null;
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            return null;
        }
    }
}
