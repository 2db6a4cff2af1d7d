using Invitations.Sagas.BulkInvitation;
using Invitations.Sagas.BulkInvitation.Activities;
using Invitations.Sagas.BulkInvitation.Ports;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Invitations.Data.BulkJobs;

public static class BulkJobServiceCollectionExtensions
{
    /// <summary>The saga's ports on PostgreSQL and the dispatcher's row store (scoped: they share the consume scope's context).</summary>
    public static IServiceCollection AddBulkJobStore(this IServiceCollection services)
    {
        services.AddScoped<IBulkJobRows, BulkJobRows>();
        services.AddScoped<BulkJobDispatchStore>();
        services.AddScoped<SagaEventFacts>();
        services.AddMetrics();
        services.TryAddSingleton<SagaMetrics>();
        return services;
    }
}
