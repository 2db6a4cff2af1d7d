using Invitations.Data.Scheduling;
using MassTransit;

namespace Invitations.Worker.Scheduling;

/// <summary>
/// The scheduler's running half, hosted by the Worker only: the scheduler endpoint that stores what is scheduled and
/// the delivery loop that sends it when due. The store, the outbox and the bus-level scheduler are in
/// <see cref="SchedulingServiceCollectionExtensions"/>.
/// </summary>
public static class ScheduledMessageDeliveryRegistration
{
    /// <summary>Options and the store; the delivery loop too unless <c>Scheduler:DeliveryEnabled</c> is false.</summary>
    public static IServiceCollection AddScheduledMessageDelivery(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddScheduledMessageStore(configuration);
        if (configuration.ReadSchedulerOptions().DeliveryEnabled)
        {
            services.AddHostedService<ScheduledMessageDelivery>();
        }

        return services;
    }

    /// <summary>The scheduler endpoint (queue <c>Scheduler:QueueName</c>) consuming ScheduleMessage and CancelScheduledMessage.</summary>
    public static IBusRegistrationConfigurator AddPostgresSchedulerEndpoint(this IBusRegistrationConfigurator bus, IConfiguration configuration)
    {
        var queueName = configuration.ReadSchedulerOptions().QueueName;
        bus.AddConsumer<ScheduleMessageConsumer>(consumer => consumer.UseMessageRetry(r => r.Immediate(5)))
            .Endpoint(endpoint => endpoint.Name = queueName);
        return bus;
    }
}
