namespace Invitations.Worker.Dispatching;

/// <summary>Wires the dispatcher that re-publishes jobs still Pending after a grace period (issue 4).</summary>
public static class DispatchRegistration
{
    public static IServiceCollection AddPendingJobDispatcher(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DispatcherOptions>().Bind(configuration.GetSection(DispatcherOptions.SectionName));
        services.AddScoped<PendingJobRepublisher>();
        services.AddHostedService<PendingJobDispatcher>();
        return services;
    }
}
