using Invitations.Data.Scheduling;
using MassTransit;

namespace Invitations.Worker.Scheduling;

/// <summary>Wires our PostgreSQL-backed message scheduler into the worker.</summary>
public static class SchedulingRegistration
{
    /// <summary>Scheduler options, the store, the delivery loop (<c>Scheduler:*</c>) and the saga's transactional outbox.</summary>
    public static IServiceCollection AddScheduling(this IServiceCollection services, IConfiguration configuration) =>
        services.AddScheduledMessageDelivery(configuration).AddPostgresSagaOutbox();

    /// <summary>The <c>scheduler</c> queue and <see cref="IMessageScheduler"/> pointing at it.</summary>
    public static IBusRegistrationConfigurator AddSchedulerEndpoint(this IBusRegistrationConfigurator bus, IConfiguration configuration) =>
        bus.AddPostgresSchedulerEndpoint(configuration).AddPostgresMessageScheduler(configuration);

    /// <summary>Scheduled sends, saga <c>Schedule(...)</c> and <c>UseScheduledRedelivery</c> go through our scheduler.</summary>
    public static void ConfigureScheduler(this IRabbitMqBusFactoryConfigurator cfg, IBusRegistrationContext context) =>
        cfg.UsePostgresMessageScheduler(context);
}
