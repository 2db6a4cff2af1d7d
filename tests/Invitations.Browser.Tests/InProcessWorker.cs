using Invitations.Data.Persistence;
using Invitations.ServiceDefaults.Messaging;
using Invitations.Worker;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace Invitations.Browser.Tests;

/// <summary>The Worker as its Program.cs builds it, in-process, on the run's database and RabbitMQ virtual host.</summary>
public sealed class InProcessWorker : IAsyncDisposable
{
    private readonly IHost _host;

    private InProcessWorker(IHost host) => _host = host;

    public static async Task<InProcessWorker> StartAsync(IReadOnlyDictionary<string, string?>? settings = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = "Testing" });
        builder.Configuration.AddInMemoryCollection(TestRun.Infrastructure.Configuration);
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Logging:LogLevel:Default"] = "Warning", ["Sms:AllowLogProvider"] = "true" });
        builder.Configuration.AddInMemoryCollection(settings ?? new Dictionary<string, string?>());
        builder.Services
            .AddInvitationsDatabase(builder.Configuration)
            .AddWorkerServices(builder.Configuration)
            .AddInvitationsMessaging(builder.Configuration, bus => bus.AddWorkerConsumers(builder.Configuration), WorkerBus.Configure);
        var host = builder.Build();
        await host.StartAsync();
        return new InProcessWorker(host);
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
    }
}
