using System.Diagnostics;
using Invitations.Api.Infrastructure;
using Invitations.Data.Persistence;
using Invitations.ServiceDefaults.Hosting;
using Invitations.ServiceDefaults.Messaging;
using Invitations.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OpenTelemetry.Trace;

namespace Invitations.Worker.Tests.Telemetry;

/// <summary>
/// The Api and the Worker in one test process, each with its service defaults (OpenTelemetry) and an
/// in-memory exporter. ActivitySource listeners are process-wide, so both providers see every span;
/// spans are deduplicated by id.
/// </summary>
public sealed class TracedServices : IAsyncDisposable
{
    private readonly SpanSink _spans;
    private readonly TracedApi _api;
    private readonly IHost _worker;

    private TracedServices(SpanSink spans, TracedApi api, IHost worker)
    {
        _spans = spans;
        _api = api;
        _worker = worker;
    }

    public IReadOnlyList<Activity> Spans => _spans.Snapshot();

    public static async Task<TracedServices> StartAsync()
    {
        var spans = new SpanSink();
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = "Testing" });
        builder.Configuration.AddInMemoryCollection(TestRun.Infrastructure.Configuration);
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Telemetry:Tracing"] = "true", ["Sms:AllowLogProvider"] = "true" });
        builder.AddServiceDefaults("invitations-worker");
        builder.Services.ConfigureOpenTelemetryTracerProvider(t => t.AddInMemoryExporter(spans));
        builder.Services
            .AddInvitationsDatabase(builder.Configuration)
            .AddWorkerServices(builder.Configuration)
            .AddInvitationsMessaging(builder.Configuration, bus => bus.AddWorkerConsumers(builder.Configuration), WorkerBus.Configure);
        var worker = builder.Build();
        await worker.StartAsync();
        var api = new TracedApi(spans);
        _ = api.Server;
        return new TracedServices(spans, api, worker);
    }

    public HttpClient CreateSponsorClient(long sponsorId)
    {
        var client = _api.CreateClient();
        var token = _api.Services.GetRequiredService<TokenIssuer>().Issue($"sponsor-{sponsorId}", sponsorId, Roles.Sponsor);
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public void Flush()
    {
        _api.Services.GetService<TracerProvider>()?.ForceFlush();
        _worker.Services.GetService<TracerProvider>()?.ForceFlush();
    }

    public async ValueTask DisposeAsync()
    {
        await _api.DisposeAsync();
        await _worker.StopAsync();
        _worker.Dispose();
    }

    // Any public type of the Api assembly names its entry point; `Program` is ambiguous here (the Worker has one too).
    private sealed class TracedApi(SpanSink spans) : WebApplicationFactory<CurrentUser>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Testing");
            foreach (var (key, value) in TestRun.Infrastructure.Configuration)
            {
                builder.UseSetting(key, value);
            }

            builder.UseSetting("Auth:SigningKey", TestSettings.SigningKey);
            builder.UseSetting("Telemetry:Tracing", "true");
            builder.ConfigureTestServices(s => s.ConfigureOpenTelemetryTracerProvider(t => t.AddInMemoryExporter(spans)));
        }
    }
}
