using System.Collections.Concurrent;
using Invitations.ServiceDefaults.Messaging;
using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Invitations.ServiceDefaults.Tests.Messaging;

/// <summary>
/// A consume that never finishes (as one waiting on a publish confirm lost in a broker restart) is given up
/// at the deadline: the message goes back to its queue and comes again, with no fault and no error queue.
/// </summary>
public sealed class When_a_consume_hangs
{
    [Test]
    public async Task Should_give_it_up_at_the_deadline_and_deliver_the_message_again()
    {
        var log = new Deliveries();
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(TestRun.Infrastructure.Configuration)
            .AddInMemoryCollection(new Dictionary<string, string?> { ["RabbitMq:ConsumeDeadline"] = "00:00:01" })
            .Build();
        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddSingleton(log);
        builder.Services.AddInvitationsMessaging(configuration, bus =>
        {
            bus.AddConsumer<HangOnceConsumer>();
            bus.AddConsumer<FaultConsumer>();
        });
        using var host = builder.Build();
        await host.StartAsync();
        try
        {
            var id = Guid.NewGuid();
            await host.Services.GetRequiredService<IPublishEndpoint>().Publish(new HangOnce { Id = id });

            var second = await log.Second.Task.WaitAsync(TimeSpan.FromSeconds(30));
            await Task.Delay(TimeSpan.FromSeconds(1));

            using (Assert.EnterMultipleScope())
            {
                Assert.That(second.Id, Is.EqualTo(id));
                Assert.That(log.Redelivered, Is.EqualTo(new[] { false, true }));
                Assert.That(log.Faults, Is.Zero);
            }
        }
        finally
        {
            await host.StopAsync();
        }
    }

    public sealed record HangOnce
    {
        public required Guid Id { get; init; }
    }

    public sealed class Deliveries
    {
        public ConcurrentQueue<bool> RedeliveredFlags { get; } = new();
        public bool[] Redelivered => [.. RedeliveredFlags];
        public TaskCompletionSource<HangOnce> Second { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public int Faults;
    }

    public sealed class HangOnceConsumer(Deliveries log) : IConsumer<HangOnce>
    {
        public async Task Consume(ConsumeContext<HangOnce> context)
        {
            log.RedeliveredFlags.Enqueue(context.ReceiveContext.Redelivered);
            if (log.RedeliveredFlags.Count == 1)
            {
                // Hangs the way a lost publish confirm does: nothing cancels it.
                await Task.Delay(Timeout.Infinite, CancellationToken.None);
            }

            log.Second.TrySetResult(context.Message);
        }
    }

    public sealed class FaultConsumer(Deliveries log) : IConsumer<Fault<HangOnce>>
    {
        public Task Consume(ConsumeContext<Fault<HangOnce>> context)
        {
            Interlocked.Increment(ref log.Faults);
            return Task.CompletedTask;
        }
    }
}
