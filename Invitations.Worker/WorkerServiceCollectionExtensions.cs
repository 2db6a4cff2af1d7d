using Invitations.ServiceDefaults.Hosting;
using Invitations.Worker.DealerInvitations;
using Invitations.Worker.Dealers;
using Invitations.Worker.Dispatching;
using Invitations.Worker.Scheduling;
using MassTransit;

namespace Invitations.Worker;

public static class WorkerServiceCollectionExtensions
{
    /// <summary>The worker's own services: the scheduler's delivery loop, dealer processing, the pending-job dispatcher.</summary>
    public static IServiceCollection AddWorkerServices(this IServiceCollection services, IConfiguration configuration) =>
        services
            .AddInvitationsTelemetry()
            .AddScheduling(configuration)
            .AddDealerProcessing(configuration)
            .AddPendingJobDispatcher(configuration)
            .AddDealerInvitationUpkeep(configuration);

    /// <summary>The scheduler endpoint, the saga and the dealer consumer.</summary>
    public static IBusRegistrationConfigurator AddWorkerConsumers(this IBusRegistrationConfigurator bus, IConfiguration configuration) =>
        bus
            .AddSchedulerEndpoint(configuration)
            .AddBulkInvitationProcessing()
            .AddDealerInvitationConsumers();
}
