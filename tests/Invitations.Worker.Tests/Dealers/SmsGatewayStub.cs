using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace Invitations.Worker.Tests.Dealers;

/// <summary>A local HTTP SMS gateway (Kestrel on 127.0.0.1:0) that fails as a test tells it to.</summary>
public sealed class SmsGatewayStub : IAsyncDisposable
{
    private readonly WebApplication _app;
    private int _failuresLeft;
    private int _requests;

    private SmsGatewayStub(WebApplication app) => _app = app;

    public string Url { get; private set; } = string.Empty;

    /// <summary>Messages the gateway accepted, per phone number.</summary>
    public ConcurrentDictionary<string, int> Delivered { get; } = new(StringComparer.Ordinal);

    public int Requests => _requests;

    /// <summary>Phone numbers the gateway refuses with 400.</summary>
    public ConcurrentDictionary<string, bool> Refused { get; } = new(StringComparer.Ordinal);

    public TimeSpan Latency { get; set; } = TimeSpan.Zero;

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
        return Results.Ok();
    }
}
