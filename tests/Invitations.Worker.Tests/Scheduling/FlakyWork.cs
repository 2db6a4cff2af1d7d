using System.Collections.Concurrent;
using MassTransit;

namespace Invitations.Worker.Tests.Scheduling;

public sealed record FlakyWork
{
    public required Guid WorkId { get; init; }
}

/// <summary>Fails the first two deliveries of a message, then succeeds.</summary>
public sealed class FlakyConsumer(FlakyConsumer.Attempts attempts) : IConsumer<FlakyWork>
{
    public Task Consume(ConsumeContext<FlakyWork> context)
    {
        var redelivery = context.GetRedeliveryCount();
        attempts.Seen.Enqueue((redelivery, DateTime.UtcNow));
        return redelivery < 2 ? throw new TimeoutException("transient failure") : Task.CompletedTask;
    }

    public sealed class Attempts
    {
        public ConcurrentQueue<(int Redelivery, DateTime At)> Seen { get; } = new();
    }
}
