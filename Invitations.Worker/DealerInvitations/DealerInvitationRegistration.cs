using MassTransit;

namespace Invitations.Worker.DealerInvitations;

/// <summary>The dealer's side in the Worker: the expiry sweep and the SMS resends.</summary>
public static class DealerInvitationRegistration
{
    public static IServiceCollection AddDealerInvitationUpkeep(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ExpirySweepOptions>()
            .Bind(configuration.GetSection(ExpirySweepOptions.SectionName))
            .ValidateDataAnnotations()
            .Validate(o => o.ExpirySweepInterval > TimeSpan.Zero, "Invitations:ExpirySweepInterval must be positive.")
            .ValidateOnStart();
        services.AddSingleton<InvitationExpirySweep>();
        services.AddHostedService<InvitationExpiryLoop>();
        services.AddScoped<ResendSmsSender>();
        return services;
    }

    public static IBusRegistrationConfigurator AddDealerInvitationConsumers(this IBusRegistrationConfigurator bus)
    {
        bus.AddConsumer<ResendInvitationSmsConsumer, ResendInvitationSmsConsumerDefinition>();
        return bus;
    }
}
