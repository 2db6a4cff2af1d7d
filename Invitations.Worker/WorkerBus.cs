using Invitations.Worker.Scheduling;
using MassTransit;

namespace Invitations.Worker;

public static class WorkerBus
{
    /// <summary>Bus-level configuration of the worker (the message scheduler is wired here).</summary>
    public static void Configure(IBusRegistrationContext context, IRabbitMqBusFactoryConfigurator cfg) =>
        cfg.ConfigureScheduler(context);
}
