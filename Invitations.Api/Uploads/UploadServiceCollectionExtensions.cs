namespace Invitations.Api.Uploads;

public static class UploadServiceCollectionExtensions
{
    public static IServiceCollection AddUploads(this IServiceCollection services, IConfiguration configuration)
    {
        _ = configuration;
        return services;
    }

    public static IEndpointRouteBuilder MapUploads(this IEndpointRouteBuilder app) => app;
}
