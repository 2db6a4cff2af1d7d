using Invitations.Infrastructure.SagaRepository;
using Invitations.Sagas.BulkInvitation.Ports;
using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Invitations.Infrastructure.Scheduling;

/// <summary>
/// Wires the PostgreSQL-backed scheduler: every process that schedules calls <see cref="AddPostgresMessageScheduler"/>
/// and <see cref="UsePostgresMessageScheduler"/>; the processes that host the scheduler endpoint and the
/// delivery loop also call <see cref="AddPostgresSchedulerEndpoint"/> and <see cref="AddScheduledMessageDelivery"/>.
/// </summary>
public static class SchedulingServiceCollectionExtensions
{
    /// <summary>Options and the store; the delivery loop too unless <c>Scheduler:DeliveryEnabled</c> is false.</summary>
    public static IServiceCollection AddScheduledMessageDelivery(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SchedulerOptions>().Bind(configuration.GetSection(SchedulerOptions.SectionName));
        services.AddScoped<ScheduledMessageStore>();
        services.AddSingleton<ScheduledMessageSignal>();
        if (ReadOptions(configuration).DeliveryEnabled)
        {
            services.AddHostedService<ScheduledMessageDelivery>();
        }

        return services;
    }

    /// <summary>
    /// The saga's transactional outbox (<see cref="PostgresSagaOutbox"/>): its publishes and timers are written with the
    /// saga row and relayed by the delivery loop. Needs <see cref="AddScheduledMessageDelivery"/>.
    /// </summary>
    public static IServiceCollection AddPostgresSagaOutbox(this IServiceCollection services)
    {
        services.AddScoped<PostgresSagaOutbox>();
        services.AddScoped<ISagaOutbox>(sp => sp.GetRequiredService<PostgresSagaOutbox>());
        services.AddScoped<ISagaCommitObserver>(sp => sp.GetRequiredService<PostgresSagaOutbox>());
        return services;
    }

    /// <summary>
    /// Registers <see cref="IMessageScheduler"/> for the scheduler queue (so the test harness does not add its
    /// delay-based scheduler, which needs the delayed-exchange plugin).
    /// </summary>
    public static IBusRegistrationConfigurator AddPostgresMessageScheduler(this IBusRegistrationConfigurator bus, IConfiguration configuration)
    {
        bus.AddMessageScheduler(ReadOptions(configuration).SchedulerAddress);
        return bus;
    }

    /// <summary>The scheduler endpoint (queue <c>Scheduler:QueueName</c>) consuming ScheduleMessage and CancelScheduledMessage.</summary>
    public static IBusRegistrationConfigurator AddPostgresSchedulerEndpoint(this IBusRegistrationConfigurator bus, IConfiguration configuration)
    {
        var queueName = ReadOptions(configuration).QueueName;
        bus.AddConsumer<ScheduleMessageConsumer>(consumer => consumer.UseMessageRetry(r => r.Immediate(5)))
            .Endpoint(endpoint => endpoint.Name = queueName);
        return bus;
    }

    /// <summary>Bus-level <c>UseMessageScheduler</c>: scheduled sends and <c>UseScheduledRedelivery</c> go to our scheduler.</summary>
    public static void UsePostgresMessageScheduler(this IBusFactoryConfigurator cfg, IServiceProvider services) =>
        cfg.UseMessageScheduler((services.GetService<IOptions<SchedulerOptions>>()?.Value ?? new SchedulerOptions()).SchedulerAddress);

    private static SchedulerOptions ReadOptions(IConfiguration configuration) =>
        configuration.GetSection(SchedulerOptions.SectionName).Get<SchedulerOptions>() ?? new SchedulerOptions();
}
