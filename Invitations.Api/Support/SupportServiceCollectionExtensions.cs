namespace Invitations.Api.Support;

public static class SupportServiceCollectionExtensions
{
    public static IServiceCollection AddSupport(this IServiceCollection services, IConfiguration configuration)
    {
        _ = configuration;
        services.AddScoped<SupportJobSearch>();
        services.AddScoped<SupportJobDetailQuery>();
        return services;
    }

    public static IEndpointRouteBuilder MapSupport(this IEndpointRouteBuilder app) => app.MapSupportJobs();
}
