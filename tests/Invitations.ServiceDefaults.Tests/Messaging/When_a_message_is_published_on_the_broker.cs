using Invitations.ServiceDefaults.Messaging;
using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Invitations.ServiceDefaults.Tests.Messaging;

public sealed class When_a_message_is_published_on_the_broker
{
    [Test]
    public async Task Should_reach_a_consumer_over_real_RabbitMQ()
    {
        var received = new TaskCompletionSource<Ping>(TaskCreationOptions.RunContinuationsAsynchronously);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(TestRun.Infrastructure.Configuration).Build();
        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddSingleton(received);
        builder.Services.AddInvitationsMessaging(configuration, bus => bus.AddConsumer<PingConsumer>());
        using var host = builder.Build();
        await host.StartAsync();
        try
        {
            var id = Guid.NewGuid();
            await host.Services.GetRequiredService<IPublishEndpoint>().Publish(new Ping { Id = id });

            var ping = await received.Task.WaitAsync(TimeSpan.FromSeconds(30));

            Assert.That(ping.Id, Is.EqualTo(id));
        }
        finally
        {
            await host.StopAsync();
        }
    }

    public sealed record Ping
    {
        public required Guid Id { get; init; }
    }

    public sealed class PingConsumer(TaskCompletionSource<Ping> received) : IConsumer<Ping>
    {
        public Task Consume(ConsumeContext<Ping> context)
        {
            received.TrySetResult(context.Message);
            return Task.CompletedTask;
        }
    }
}
