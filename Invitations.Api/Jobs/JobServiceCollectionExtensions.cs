namespace Invitations.Api.Jobs;

public static class JobServiceCollectionExtensions
{
    public static IServiceCollection AddJobs(this IServiceCollection services, IConfiguration configuration)
    {
        _ = configuration;
        services.AddScoped<JobQueries>();
        services.AddScoped<JobResultsExport>();
        return services;
    }

    public static IEndpointRouteBuilder MapJobs(this IEndpointRouteBuilder app) => app.MapJobEndpoints();
}
