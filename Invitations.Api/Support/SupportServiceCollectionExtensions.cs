namespace Invitations.Api.Support;

public static class SupportServiceCollectionExtensions
{
    public static IServiceCollection AddSupport(this IServiceCollection services, IConfiguration configuration)
    {
        _ = configuration;
        return services;
    }

    public static IEndpointRouteBuilder MapSupport(this IEndpointRouteBuilder app) => app;
}
