using MassTransit;

namespace Invitations.Api.Hubs;

public static class HubServiceCollectionExtensions
{
    public static IServiceCollection AddHubs(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSignalR();
        services.AddOptions<ProgressThrottleOptions>().Bind(configuration.GetSection(ProgressThrottleOptions.SectionName));
        services.AddSingleton<ProgressBroadcaster>();
        services.AddSingleton<ProgressThrottle>();
        return services;
    }

    public static IEndpointRouteBuilder MapHubs(this IEndpointRouteBuilder app)
    {
        app.MapHub<BulkInvitationHub>(BulkInvitationHub.Path);
        return app;
    }

    /// <summary>The progress consumers every Api instance runs on its own temporary queue.</summary>
    public static IBusRegistrationConfigurator AddHubConsumers(this IBusRegistrationConfigurator bus)
    {
        // Not on a shared durable queue: instances would then compete and each browser would hear only
        // the share of events its own instance happened to receive.
        bus.AddConsumer<BulkInvitationProgressedConsumer>().ExcludeFromConfigureEndpoints();
        bus.AddConsumer<BulkInvitationCompletedConsumer>().ExcludeFromConfigureEndpoints();
        bus.AddConsumer<DealerInvitationsChangedConsumer>().ExcludeFromConfigureEndpoints();
        return bus;
    }

    /// <summary>
    /// One exclusive, non-durable classic queue per Api instance, gone with the instance's connection (the
    /// quorum callback only touches endpoints made by ConfigureEndpoints; a test checks the queue's type).
    /// </summary>
    public static void ConfigureHubEndpoint(this IRabbitMqBusFactoryConfigurator bus, IBusRegistrationContext context) =>
        bus.ReceiveEndpoint(new TemporaryEndpointDefinition("bulk-invitation-progress"), e =>
        {
            e.ConfigureConsumer<BulkInvitationProgressedConsumer>(context);
            e.ConfigureConsumer<BulkInvitationCompletedConsumer>(context);
            e.ConfigureConsumer<DealerInvitationsChangedConsumer>(context);
        });
}
