namespace Invitations.Api.Support;

public static class SupportServiceCollectionExtensions
{
    public static IServiceCollection AddSupport(this IServiceCollection services) =>
        services.AddScoped<SupportJobSearch>().AddScoped<SupportJobDetailQuery>();
}
