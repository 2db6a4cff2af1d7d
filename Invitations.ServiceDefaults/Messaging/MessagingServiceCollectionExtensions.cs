using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Invitations.ServiceDefaults.Messaging;

public static class MessagingServiceCollectionExtensions
{
    /// <summary>
    /// MassTransit on RabbitMQ as every Invitations process uses it: kebab-case endpoint names, quorum
    /// queues, usage telemetry off, and a host that only reports started once the bus is really up.
    /// </summary>
    public static IServiceCollection AddInvitationsMessaging(
        this IServiceCollection services,
        IConfiguration configuration,
        Action<IBusRegistrationConfigurator> configure,
        Action<IBusRegistrationContext, IRabbitMqBusFactoryConfigurator>? configureBus = null)
    {
        var section = configuration.GetSection(RabbitMqOptions.SectionName);
        services.AddOptions<RabbitMqOptions>().Bind(section)
            .Validate(o => o.RequeueDelayMin > TimeSpan.Zero && o.RequeueDelayMax >= o.RequeueDelayMin,
                "RabbitMq:RequeueDelayMin must be positive and RabbitMq:RequeueDelayMax at least as long.")
            .Validate(o => o.ConsumeDeadline > TimeSpan.Zero && o.SendTimeout > TimeSpan.Zero,
                "RabbitMq:ConsumeDeadline and RabbitMq:SendTimeout must be positive.")
            .Validate(o => o.WatchdogInterval > TimeSpan.Zero && o.EndpointStuckLimit >= o.WatchdogInterval,
                "RabbitMq:WatchdogInterval must be positive and RabbitMq:EndpointStuckLimit at least as long.")
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<RabbitMqOptions>, RabbitMqHostOptionsValidator>();
        var options = section.Get<RabbitMqOptions>() ?? new RabbitMqOptions();
        if (string.IsNullOrWhiteSpace(options.Uri))
        {
            throw new InvalidOperationException("RabbitMq:Uri is not configured (environment: RabbitMq__Uri).");
        }

        // Without WaitUntilStarted, StartAsync returns before the bus is connected, and the first publish may fail.
        services.AddOptions<MassTransitHostOptions>().Configure(o =>
        {
            o.WaitUntilStarted = true;
            o.StartTimeout = options.StartTimeout;
            o.StopTimeout = TimeSpan.FromSeconds(30);
        });

        services.AddMassTransit(x =>
        {
            x.DisableUsageTelemetry();
            x.SetKebabCaseEndpointNameFormatter();
            x.AddConfigureEndpointsCallback((registration, _, cfg) =>
            {
                // First on every endpoint, so they bound all the rest: retries, the outbox, the partitioner.
                cfg.UseFilter(new TransientFaultConsumeFilter());
                cfg.UseFilter(new ConsumeDeadlineFilter(
                    options.ConsumeDeadline, registration.GetRequiredService<ILoggerFactory>().CreateLogger<ConsumeDeadlineFilter>()));
                if (options.QuorumQueues && cfg is IRabbitMqReceiveEndpointConfigurator rabbit)
                {
                    rabbit.SetQuorumQueue(options.QuorumInitialGroupSize);
                }
            });

            configure(x);

            x.UsingRabbitMq((context, cfg) =>
            {
                RabbitMqClusterHost.Configure(cfg, options);

                // Before any endpoint is made: every one of them gets the transient requeue in its error pipe.
                cfg.ConnectEndpointConfigurationObserver(new TransientRequeueObserver(
                    new TransientRequeueFilter(options, context.GetRequiredService<ILoggerFactory>().CreateLogger<TransientRequeueFilter>())));
                configureBus?.Invoke(context, cfg);
                cfg.ConfigureEndpoints(context);
            });
        });

        // After MassTransit's own hosted service, so it watches a bus that has started.
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<EndpointWatchdog>();
        services.AddHostedService(sp => sp.GetRequiredService<EndpointWatchdog>());
        services.AddHealthChecks().AddCheck<EndpointWatchdogHealthCheck>("messaging-endpoints", tags: ["live"]);
        return services;
    }
}
