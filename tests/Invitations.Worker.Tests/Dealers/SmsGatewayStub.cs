using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace Invitations.Worker.Tests.Dealers;

/// <summary>
/// A local HTTP SMS gateway (Kestrel on 127.0.0.1:0) that fails as a test tells it to. It records every request
/// with its idempotency key; with <see cref="HonourKeys"/> it accepts a key it has already accepted without
/// sending again, as a gateway that honours the key does.
/// </summary>
public sealed class SmsGatewayStub : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, bool> _acceptedKeys = new(StringComparer.Ordinal);
    private int _failuresLeft;
    private int _lateLeft;
    private TimeSpan _lateBy;
    private int _requests;

    private SmsGatewayStub(WebApplication app) => _app = app;

    public string Url { get; private set; } = string.Empty;

    /// <summary>Messages the gateway accepted, per phone number.</summary>
    public ConcurrentDictionary<string, int> Delivered { get; } = new(StringComparer.Ordinal);

    public int Requests => _requests;

    /// <summary>Phone numbers the gateway refuses with 400.</summary>
    public ConcurrentDictionary<string, bool> Refused { get; } = new(StringComparer.Ordinal);

    public TimeSpan Latency { get; set; } = TimeSpan.Zero;

    public bool HonourKeys { get; set; }

    /// <summary>Every request as it arrived: the phone, the <c>Idempotency-Key</c> header and when.</summary>
    public ConcurrentQueue<(string Phone, string? Key, DateTimeOffset At)> Received { get; } = new();

    public static async Task<SmsGatewayStub> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var stub = new SmsGatewayStub(app);
        app.MapPost("/sms", stub.HandleAsync);
        await app.StartAsync();
        stub.Url = app.Urls.First() + "/sms";
        return stub;
    }

    /// <summary>The next <paramref name="count"/> requests answer 503.</summary>
    public void FailNext(int count) => Interlocked.Exchange(ref _failuresLeft, count);

    /// <summary>The next <paramref name="count"/> requests are accepted (the SMS goes out) but answered only after <paramref name="by"/>.</summary>
    public void AnswerLate(int count, TimeSpan by)
    {
        _lateBy = by;
        Interlocked.Exchange(ref _lateLeft, count);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task<IResult> HandleAsync(HttpRequest request)
    {
        Interlocked.Increment(ref _requests);
        using var body = await JsonDocument.ParseAsync(request.Body);
        var phone = body.RootElement.GetProperty("to").GetString() ?? string.Empty;
        var key = request.Headers.TryGetValue("Idempotency-Key", out var keys) ? keys.ToString() : null;
        Received.Enqueue((phone, key, DateTimeOffset.UtcNow));
        if (HonourKeys && key is not null && _acceptedKeys.ContainsKey(key))
        {
            return Results.Ok();
        }

        if (Latency > TimeSpan.Zero)
        {
            await Task.Delay(Latency);
        }

        if (Interlocked.Decrement(ref _failuresLeft) >= 0)
        {
            return Results.StatusCode(503);
        }

        if (Refused.ContainsKey(phone))
        {
            return Results.BadRequest();
        }

        Delivered.AddOrUpdate(phone, 1, (_, n) => n + 1);
        if (key is not null)
        {
            _acceptedKeys[key] = true;
        }

        if (Interlocked.Decrement(ref _lateLeft) >= 0)
        {
            await Task.Delay(_lateBy);
        }

        return Results.Ok();
    }
}
