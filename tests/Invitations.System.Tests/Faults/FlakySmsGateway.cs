using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Invitations.System.Tests.Faults;

/// <summary>A local HTTP SMS gateway (Kestrel on 127.0.0.1:0) that is up, fails every other request, or is down.</summary>
public sealed class FlakySmsGateway : IAsyncDisposable
{
    private readonly WebApplication _app;
    private int _requests;
    private int _refused;

    private FlakySmsGateway(WebApplication app) => _app = app;

    public enum Mode
    {
        Up,
        FailingHalf,
        Down,
    }

    public string Url { get; private set; } = string.Empty;

    public Mode Current { get; set; } = Mode.Up;

    /// <summary>Messages the gateway accepted (200), per phone number.</summary>
    public ConcurrentDictionary<string, int> Delivered { get; } = new(StringComparer.Ordinal);

    public int Requests => Volatile.Read(ref _requests);

    public int Refused => Volatile.Read(ref _refused);

    public static async Task<FlakySmsGateway> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var gateway = new FlakySmsGateway(app);
        app.MapPost("/sms", gateway.HandleAsync);
        await app.StartAsync();
        gateway.Url = app.Urls.First() + "/sms";
        return gateway;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task<IResult> HandleAsync(HttpRequest request)
    {
        var count = Interlocked.Increment(ref _requests);
        using var body = await JsonDocument.ParseAsync(request.Body);
        var phone = body.RootElement.GetProperty("to").GetString() ?? string.Empty;
        if (Current == Mode.Down || (Current == Mode.FailingHalf && count % 2 == 0))
        {
            Interlocked.Increment(ref _refused);
            return Results.StatusCode(StatusCodes.Status503ServiceUnavailable);
        }

        Delivered.AddOrUpdate(phone, 1, (_, n) => n + 1);
        return Results.Ok();
    }
}
