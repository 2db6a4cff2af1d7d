namespace Invitations.Api.Jobs;

public static class JobServiceCollectionExtensions
{
    public static IServiceCollection AddJobs(this IServiceCollection services) =>
        services.AddScoped<JobQueries>().AddScoped<JobResultsExport>();
}
