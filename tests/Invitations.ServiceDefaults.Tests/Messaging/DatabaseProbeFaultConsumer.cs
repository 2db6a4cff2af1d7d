using MassTransit;

namespace Invitations.ServiceDefaults.Tests.Messaging;

public sealed class DatabaseProbeFaultConsumer(DatabaseProbeConsumer.Log log) : IConsumer<Fault<DatabaseProbe>>
{
    public Task Consume(ConsumeContext<Fault<DatabaseProbe>> context)
    {
        Interlocked.Increment(ref log.Faults);
        return Task.CompletedTask;
    }
}
