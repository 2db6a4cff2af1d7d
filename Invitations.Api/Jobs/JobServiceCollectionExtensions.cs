namespace Invitations.Api.Jobs;

public static class JobServiceCollectionExtensions
{
    public static IServiceCollection AddJobs(this IServiceCollection services, IConfiguration configuration)
    {
        _ = configuration;
        return services;
    }

    public static IEndpointRouteBuilder MapJobs(this IEndpointRouteBuilder app) => app;
}
