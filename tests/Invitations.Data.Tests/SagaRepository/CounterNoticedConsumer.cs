using System.Collections.Concurrent;
using MassTransit;

namespace Invitations.Data.Tests.SagaRepository;

/// <summary>Records what the counter saga published and which of its messages faulted.</summary>
public sealed class CounterNoticedConsumer(CounterNoticedConsumer.Log log) : IConsumer<CounterNoticed>, IConsumer<Fault<CounterBroken>>
{
    public Task Consume(ConsumeContext<CounterNoticed> context)
    {
        log.Received.Add(context.Message.CounterId);
        return Task.CompletedTask;
    }

    public Task Consume(ConsumeContext<Fault<CounterBroken>> context)
    {
        log.Faulted.Add(context.Message.Message.CounterId);
        return Task.CompletedTask;
    }

    public sealed class Log
    {
        public ConcurrentBag<Guid> Received { get; } = [];
        public ConcurrentBag<Guid> Faulted { get; } = [];
    }
}
