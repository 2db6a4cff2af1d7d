using Invitations.Testing;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Invitations.Worker.Tests.Scheduling;

public sealed class When_a_consumer_fails_transiently
{
    [Test]
    public async Task Should_be_redelivered_through_our_scheduler_and_then_succeed()
    {
        var queue = $"flaky-{Guid.NewGuid():N}";
        using var host = await SchedulerHost.StartAsync($"scheduler-{queue}", (bus, services) =>
        {
            services.AddSingleton<FlakyConsumer.Attempts>();
            bus.AddConsumer<FlakyConsumer>().Endpoint(e => e.Name = queue);
            bus.AddConfigureEndpointsCallback((name, endpoint) =>
            {
                if (name == queue)
                {
                    endpoint.UseScheduledRedelivery(r => r.Intervals(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2)));
                }
            });
        });
        try
        {
            var attempts = host.Services.GetRequiredService<FlakyConsumer.Attempts>();
            var send = await host.Services.GetRequiredService<ISendEndpointProvider>().GetSendEndpoint(new Uri($"exchange:{queue}"));
            await send.Send(new FlakyWork { WorkId = NewId.NextGuid() });

            await Eventually.HoldsAsync(() => Task.FromResult(attempts.Seen.Count >= 3), TimeSpan.FromSeconds(60));
            var seen = attempts.Seen.ToArray();

            TestContext.Out.WriteLine("Redelivery gaps: " + string.Join(", ", seen.Zip(seen.Skip(1), (a, b) => $"{(b.At - a.At).TotalSeconds:F2} s")));
            Assert.That(seen.Select(s => s.Redelivery), Is.EqualTo(new[] { 0, 1, 2 }));
        }
        finally
        {
            await host.StopAsync();
        }
    }
}
