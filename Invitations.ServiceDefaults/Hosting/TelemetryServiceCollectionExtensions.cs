using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Invitations.ServiceDefaults.Hosting;

public static class TelemetryServiceCollectionExtensions
{
    /// <summary>Our meter and ActivitySource (<see cref="Telemetry"/>), for the hosts whose features record to them.</summary>
    public static IServiceCollection AddInvitationsTelemetry(this IServiceCollection services)
    {
        services.AddMetrics();
        services.TryAddSingleton<Telemetry>();
        return services;
    }
}
