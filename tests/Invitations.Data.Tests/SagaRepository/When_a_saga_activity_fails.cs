using Invitations.Testing;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Invitations.Data.Tests.SagaRepository;

public sealed class When_a_saga_activity_fails
{
    [Test]
    public async Task Should_roll_back_the_activity_write_with_the_saga_and_publish_nothing()
    {
        var queue = $"counter-broken-{Guid.NewGuid():N}";
        using var host = await CounterHost.StartAsync(queue, concurrency: 4, retries: 0);
        try
        {
            var log = host.Services.GetRequiredService<CounterNoticedConsumer.Log>();
            var counterId = NewId.NextGuid();
            var send = await host.Services.GetRequiredService<ISendEndpointProvider>().GetSendEndpoint(new Uri($"exchange:{queue}"));
            await send.Send(new CounterIncremented { CounterId = counterId, RowNumber = 1 });
            await Eventually.HoldsAsync(async () => (await CounterHost.FindAsync(counterId))?.Count == 1, TimeSpan.FromSeconds(30));

            await send.Send(new CounterBroken { CounterId = counterId, RowNumber = 99 });
            await Eventually.HoldsAsync(() => Task.FromResult(log.Faulted.Contains(counterId)), TimeSpan.FromSeconds(30));
            await send.Send(new CounterIncremented { CounterId = counterId, RowNumber = 2 });
            await Eventually.HoldsAsync(async () => (await CounterHost.FindAsync(counterId))?.Count == 2, TimeSpan.FromSeconds(30));

            Assert.That(log.Faulted, Does.Contain(counterId), "the broken message did not fault");
            Assert.That((await CounterHost.FindAsync(counterId))!.Count, Is.EqualTo(2), "the saga kept the failed change");
            Assert.That(await CounterHost.CountRowsAsync(counterId), Is.EqualTo(2), "the activity's row outlived the rollback");
            Assert.That(log.Received, Does.Not.Contain(counterId), "an event of the failed transaction was published");
        }
        finally
        {
            await host.StopAsync();
        }
    }
}
