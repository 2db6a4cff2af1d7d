using Invitations.Data.SagaRepository;
using Invitations.Sagas.BulkInvitation.Ports;
using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Invitations.Data.Scheduling;

/// <summary>
/// Wires the PostgreSQL-backed scheduler's store side: every process that schedules calls <see cref="AddPostgresMessageScheduler"/>
/// and <see cref="UsePostgresMessageScheduler"/>; the process that hosts the saga adds its outbox
/// (<see cref="AddPostgresSagaOutbox"/>). The scheduler endpoint and the delivery loop are the Worker's
/// (<c>Invitations.Worker.Scheduling</c>).
/// </summary>
public static class SchedulingServiceCollectionExtensions
{
    /// <summary>Options (<c>Scheduler:*</c>), the store and the signal that wakes this process's delivery loop.</summary>
    public static IServiceCollection AddScheduledMessageStore(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SchedulerOptions>().Bind(configuration.GetSection(SchedulerOptions.SectionName));
        services.AddScoped<ScheduledMessageStore>();
        services.AddSingleton<ScheduledMessageSignal>();
        return services;
    }

    /// <summary>
    /// The saga's transactional outbox (<see cref="PostgresSagaOutbox"/>): its publishes and timers are written with the
    /// saga row and relayed by the delivery loop. Needs <see cref="AddScheduledMessageStore"/>.
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
        bus.AddMessageScheduler(configuration.ReadSchedulerOptions().SchedulerAddress);
        return bus;
    }

    /// <summary>Bus-level <c>UseMessageScheduler</c>: scheduled sends and <c>UseScheduledRedelivery</c> go to our scheduler.</summary>
    public static void UsePostgresMessageScheduler(this IBusFactoryConfigurator cfg, IServiceProvider services) =>
        cfg.UseMessageScheduler((services.GetService<IOptions<SchedulerOptions>>()?.Value ?? new SchedulerOptions()).SchedulerAddress);

    /// <summary>The <c>Scheduler</c> section as registration code needs it, before the container exists.</summary>
    public static SchedulerOptions ReadSchedulerOptions(this IConfiguration configuration) =>
        configuration.GetSection(SchedulerOptions.SectionName).Get<SchedulerOptions>() ?? new SchedulerOptions();
}
