namespace Invitations.Worker.Dispatching;

/// <summary>Wires the dispatcher that re-publishes jobs still Pending after a grace period and the stuck-job sweep.</summary>
public static class DispatchRegistration
{
    public static IServiceCollection AddPendingJobDispatcher(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DispatcherOptions>().Bind(configuration.GetSection(DispatcherOptions.SectionName));
        services.AddScoped<PendingJobRepublisher>();
        services.AddHostedService<PendingJobDispatcher>();
        services.AddOptions<SweepOptions>().Bind(configuration.GetSection(SweepOptions.SectionName))
            .Validate(o => o.Interval > TimeSpan.Zero && o.QuietFor > TimeSpan.Zero && o.BatchSize > 0,
                "Sweep:Interval and Sweep:QuietFor must be positive and Sweep:BatchSize at least 1.")
            .ValidateOnStart();
        services.AddScoped<StalledJobSweep>();
        services.AddHostedService<StalledJobSweeper>();
        return services;
    }
}
