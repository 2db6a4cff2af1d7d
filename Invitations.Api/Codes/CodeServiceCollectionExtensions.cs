namespace Invitations.Api.Codes;

public static class CodeServiceCollectionExtensions
{
    public static IServiceCollection AddCodes(this IServiceCollection services, IConfiguration configuration)
    {
        _ = configuration;
        return services;
    }

    public static IEndpointRouteBuilder MapCodes(this IEndpointRouteBuilder app) => CodeEndpoints.Map(app);
}
