using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace Invitations.Worker.Tests.Sms;

/// <summary>
/// A local gateway (Kestrel on 127.0.0.1:0) with a single endpoint (<c>/sms</c>) and a batch one (<c>/batch</c>,
/// the default batch templates), which throttles and refuses as a test tells it to.
/// </summary>
public sealed class ThrottlingGatewayStub : IAsyncDisposable
{
    private readonly WebApplication _app;
    private int _throttleLeft;
    private int _throttled;
    private int _ids;

    private ThrottlingGatewayStub(WebApplication app) => _app = app;

    public string Url { get; private set; } = string.Empty;

    public string BatchUrl { get; private set; } = string.Empty;

    /// <summary>The gateway's message id of every accepted message, per phone number.</summary>
    public ConcurrentDictionary<string, ConcurrentBag<string>> Accepted { get; } = new(StringComparer.Ordinal);

    public int Throttled => _throttled;

    /// <summary>What a 429 says: nothing, <c>Retry-After</c> in seconds, or as an HTTP date.</summary>
    public Func<DateTimeOffset, string?> RetryAfter { get; set; } = _ => null;

    /// <summary>A batch item's status by phone and how many times the phone was seen (1 the first time); default 202.</summary>
    public Func<string, int, int> BatchStatus { get; set; } = (_, _) => 202;

    /// <summary>Once this many messages were accepted, single sends are answered only when <see cref="Release"/> is set.</summary>
    public int? HoldAfter { get; set; }

    public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private ConcurrentDictionary<string, int> Seen { get; } = new(StringComparer.Ordinal);

    public static async Task<ThrottlingGatewayStub> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var stub = new ThrottlingGatewayStub(app);
        app.MapPost("/sms", (Delegate)stub.SingleAsync);
        app.MapPost("/batch", (Delegate)stub.BatchAsync);
        await app.StartAsync();
        stub.Url = app.Urls.First() + "/sms";
        stub.BatchUrl = app.Urls.First() + "/batch";
        return stub;
    }

    /// <summary>The next <paramref name="count"/> requests answer 429.</summary>
    public void ThrottleNext(int count) => Interlocked.Exchange(ref _throttleLeft, count);

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task<IResult> SingleAsync(HttpContext context)
    {
        using var body = await JsonDocument.ParseAsync(context.Request.Body);
        if (TakeThrottle(context))
        {
            return Results.StatusCode(StatusCodes.Status429TooManyRequests);
        }

        var phone = body.RootElement.GetProperty("to").GetString()!;
        if (HoldAfter is { } limit && Volatile.Read(ref _ids) >= limit)
        {
            await Release.Task;
        }

        var id = Accept(phone);
        context.Response.Headers["X-Message-Id"] = id;
        return Results.Ok();
    }

    private async Task<IResult> BatchAsync(HttpContext context)
    {
        using var body = await JsonDocument.ParseAsync(context.Request.Body);
        if (TakeThrottle(context))
        {
            return Results.StatusCode(StatusCodes.Status429TooManyRequests);
        }

        var results = new List<object>();
        foreach (var item in body.RootElement.GetProperty("messages").EnumerateArray())
        {
            var phone = item.GetProperty("to").GetString()!;
            var status = BatchStatus(phone, Seen.AddOrUpdate(phone, 1, (_, n) => n + 1));
            var reference = item.GetProperty("ref").GetString();
            results.Add(status is >= 200 and < 300
                ? new { @ref = reference, status, messageId = (string?)Accept(phone) }
                : new { @ref = reference, status, messageId = (string?)null });
        }

        // Answered in reverse order: results are matched by their reference, not their position.
        results.Reverse();
        return Results.Json(new { results });
    }

    private bool TakeThrottle(HttpContext context)
    {
        if (Interlocked.Decrement(ref _throttleLeft) < 0)
        {
            return false;
        }

        Interlocked.Increment(ref _throttled);
        if (RetryAfter(DateTimeOffset.UtcNow) is { } retryAfter)
        {
            context.Response.Headers.RetryAfter = retryAfter;
        }

        return true;
    }

    private string Accept(string phone)
    {
        var id = "gw-" + Interlocked.Increment(ref _ids).ToString(CultureInfo.InvariantCulture);
        Accepted.GetOrAdd(phone, _ => []).Add(id);
        return id;
    }
}
