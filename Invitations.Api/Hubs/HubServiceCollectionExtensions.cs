using MassTransit;

namespace Invitations.Api.Hubs;

public static class HubServiceCollectionExtensions
{
    public static IServiceCollection AddHubs(this IServiceCollection services, IConfiguration configuration)
    {
        _ = configuration;
        return services;
    }

    public static IEndpointRouteBuilder MapHubs(this IEndpointRouteBuilder app) => app;

    /// <summary>The progress consumers every Api instance runs on its own temporary queue.</summary>
    public static IBusRegistrationConfigurator AddHubConsumers(this IBusRegistrationConfigurator bus) => bus;
}
