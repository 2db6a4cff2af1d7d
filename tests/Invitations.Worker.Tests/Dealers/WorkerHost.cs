using System.Collections.Concurrent;
using Invitations.Contracts.BulkInvitations;
using Invitations.Data.Persistence;
using Invitations.ServiceDefaults.Messaging;
using Invitations.Testing.Logging;
using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Invitations.Worker.Tests.Dealers;

/// <summary>The Worker as Program.cs builds it, in-process, on the run's database and RabbitMQ virtual host.</summary>
public sealed class WorkerHost : IAsyncDisposable
{
    private readonly IHost _host;

    private WorkerHost(IHost host) => _host = host;

    /// <summary>Every completion the bus saw, as the Api's notifier would receive it.</summary>
    public ConcurrentQueue<BulkInvitationCompleted> Completions { get; } = new();

    public MessageCounter Messages { get; } = new();

    public IBus Bus => _host.Services.GetRequiredService<IBus>();

    /// <summary>The worker's services, for specs that drive one of them directly.</summary>
    public IServiceProvider Services => _host.Services;

    public static async Task<WorkerHost> StartAsync(IReadOnlyDictionary<string, string?>? settings = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = "Testing" });
        builder.Configuration.AddInMemoryCollection(TestRun.Infrastructure.Configuration);
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            // Short waits so failure paths finish within a test.
            ["Dealers:RetryLimit"] = "3",
            ["Dealers:RetryMinInterval"] = "00:00:00.050",
            ["Dealers:RetryMaxInterval"] = "00:00:00.200",
            ["Dealers:RedeliveryIntervals"] = "00:00:01",
            ["Scheduler:PollInterval"] = "00:00:00.100",
            ["Logging:LogLevel:Default"] = "Warning",

            // The Testing environment is not Development: the Log provider is allowed on purpose.
            ["Sms:AllowLogProvider"] = "true",
        });
        builder.Configuration.AddInMemoryCollection(settings ?? new Dictionary<string, string?>());
        CapturedLogs.AddTo(builder.Logging);
        builder.Services
            .AddInvitationsDatabase(builder.Configuration)
            .AddWorkerServices(builder.Configuration)
            .AddInvitationsMessaging(builder.Configuration, bus => bus.AddWorkerConsumers(builder.Configuration), WorkerBus.Configure);
        var host = builder.Build();
        try
        {
            await host.StartAsync();
        }
        catch
        {
            // Refused to start (start-up validation): nothing is left running.
            host.Dispose();
            throw;
        }

        var worker = new WorkerHost(host);
        worker.Bus.ConnectConsumeObserver(worker.Messages);
        worker.Bus.ConnectPublishObserver(worker.Messages);
        var listener = worker.Bus.ConnectReceiveEndpoint(
            new TemporaryEndpointDefinition(),
            KebabCaseEndpointNameFormatter.Instance,
            e => e.Handler<BulkInvitationCompleted>(c =>
            {
                worker.Completions.Enqueue(c.Message);
                return Task.CompletedTask;
            }));
        await listener.Ready;
        return worker;
    }

    public async Task<BulkInvitationCompleted> CompletionAsync(Guid jobId, BulkJobStatus? status = null)
    {
        BulkInvitationCompleted? found = null;
        await JobWatch.UntilAsync(() => Task.FromResult(
            (found = Completions.LastOrDefault(c => c.BulkJobId == jobId && (status is null || c.Status == status))) is not null));
        return found!;
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
    }
}
