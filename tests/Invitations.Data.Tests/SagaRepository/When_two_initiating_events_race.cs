using Invitations.Testing;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Invitations.Data.Tests.SagaRepository;

public sealed class When_two_initiating_events_race
{
    [Test]
    public async Task Should_create_one_instance_and_lose_neither_event()
    {
        var queue = $"counter-race-{Guid.NewGuid():N}";
        using var first = await CounterHost.StartAsync(queue, concurrency: 8);
        using var second = await CounterHost.StartAsync(queue, concurrency: 8);
        try
        {
            var ids = Enumerable.Range(0, 50).Select(_ => NewId.NextGuid()).ToList();
            var send = await first.Services.GetRequiredService<ISendEndpointProvider>().GetSendEndpoint(new Uri($"exchange:{queue}"));

            await Task.WhenAll(ids.SelectMany(id => new[]
            {
                send.Send(new CounterOpened { CounterId = id }),
                send.Send(new CounterIncremented { CounterId = id, RowNumber = 1 }),
            }));

            await Eventually.HoldsAsync(async () => (await Task.WhenAll(ids.Select(CounterHost.FindAsync))).All(s => s is { Opened: true, Count: 1 }), TimeSpan.FromSeconds(60));
            var sagas = await Task.WhenAll(ids.Select(CounterHost.FindAsync));

            Assert.That(sagas.Select(s => (s?.Opened, s?.Count)), Is.All.EqualTo(((bool?)true, (int?)1)));
        }
        finally
        {
            await Task.WhenAll(first.StopAsync(), second.StopAsync());
        }
    }
}
