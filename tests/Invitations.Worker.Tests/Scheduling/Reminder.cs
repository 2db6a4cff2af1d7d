using System.Collections.Concurrent;
using MassTransit;

namespace Invitations.Worker.Tests.Scheduling;

public sealed record Reminder
{
    public required Guid ReminderId { get; init; }
}

public sealed class ReminderConsumer(ReminderConsumer.Received received) : IConsumer<Reminder>
{
    public Task Consume(ConsumeContext<Reminder> context)
    {
        received.Ids.Add(context.Message.ReminderId);
        return Task.CompletedTask;
    }

    public sealed class Received
    {
        public ConcurrentBag<Guid> Ids { get; } = [];
    }
}
