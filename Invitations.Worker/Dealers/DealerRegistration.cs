using Invitations.Data.BulkJobs;
using Invitations.Data.Persistence;
using Invitations.Data.SagaRepository;
using Invitations.Sagas.BulkInvitation;
using Invitations.Sagas.BulkInvitation.Outcomes;
using Invitations.Worker.Faults;
using Invitations.Worker.Sms;
using MassTransit;
using Microsoft.Extensions.Options;

namespace Invitations.Worker.Dealers;

/// <summary>Wires the bulk-invitation saga and the per-dealer consumer into the worker.</summary>
public static class DealerRegistration
{
    public static IServiceCollection AddDealerProcessing(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DealerOptions>().Bind(configuration.GetSection(DealerOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<DealerOptions>, DealerOptionsValidator>();
        services.AddOptions<SagaOptions>().Bind(configuration.GetSection(SagaOptions.SectionName));
        services.AddBulkJobStore();
        services.AddScoped<DealerInvitationService>();
        services.AddScoped<DealerRowStore>();
        services.AddSingleton<DealerGroupBatcher>();
        services.AddSingleton<SingleRowLimiter>();
        services.AddHostedService(sp => sp.GetRequiredService<DealerGroupBatcher>());
        services.AddOptions<FaultOptions>().Bind(configuration.GetSection(FaultOptions.SectionName));
        services.AddSingleton<FaultInjection>();
        services.AddSmsSending(configuration);

        return services;
    }

    public static IBusRegistrationConfigurator AddBulkInvitationProcessing(this IBusRegistrationConfigurator bus)
    {
        bus.AddSagaStateMachine<BulkInvitationStateMachine, BulkInvitationState, BulkInvitationStateDefinition>()
            .PostgresRepository<InvitationsDbContext>(o => o.LockTimeout = TimeSpan.FromSeconds(10));
        bus.AddConsumer<InviteDealerConsumer, InviteDealerConsumerDefinition>();
        bus.AddConsumer<DealerOutcomeBatchConsumer, DealerOutcomeBatchConsumerDefinition>();
        bus.AddConsumer<DispatchDealersConsumer, DispatchDealersConsumerDefinition>();
        return bus;
    }
}
