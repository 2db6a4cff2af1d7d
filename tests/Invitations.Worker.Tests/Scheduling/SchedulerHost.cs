using Invitations.Data.Persistence;
using Invitations.Data.Scheduling;
using Invitations.ServiceDefaults.Messaging;
using Invitations.Testing.Logging;
using Invitations.Worker.Scheduling;
using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Invitations.Worker.Tests.Scheduling;

/// <summary>A service instance wired like the worker: scheduler endpoint, delivery loop, bus-level scheduler.</summary>
public static class SchedulerHost
{
    public static async Task<IHost> StartAsync(string schedulerQueue, Action<IBusRegistrationConfigurator, IServiceCollection> configure)
    {
        var settings = new Dictionary<string, string?>(TestRun.Infrastructure.Configuration)
        {
            ["Scheduler:QueueName"] = schedulerQueue,
            ["Scheduler:PollInterval"] = "00:00:00.200",
        };
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();

        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        CapturedLogs.AddTo(builder.Logging);
        builder.Services.AddInvitationsDatabase(configuration).AddScheduledMessageDelivery(configuration);
        builder.Services.AddInvitationsMessaging(configuration, bus =>
        {
            bus.AddPostgresSchedulerEndpoint(configuration).AddPostgresMessageScheduler(configuration);
            configure(bus, builder.Services);
        }, (context, cfg) => cfg.UsePostgresMessageScheduler(context));
        var host = builder.Build();
        await host.StartAsync();
        return host;
    }

}
