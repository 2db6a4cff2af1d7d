using System.Diagnostics;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;

namespace Invitations.Benchmarks.Ceiling;

/// <summary>A bare MassTransit publish → consume loop over RabbitMQ: the broker's share of the ceiling.</summary>
public static class BrokerCeiling
{
    public static async Task<double> MeasureAsync(string rabbitMqUri, int messages)
    {
        var counter = new Counter(messages);
        var services = new ServiceCollection();
        services.AddSingleton(counter);
        services.AddMassTransit(x =>
        {
            x.DisableUsageTelemetry();
            x.AddConsumer<PingConsumer>();
            x.UsingRabbitMq((context, cfg) =>
            {
                cfg.Host(new Uri(rabbitMqUri));
                cfg.ReceiveEndpoint($"bench-ceiling-{Guid.NewGuid():N}", e =>
                {
                    e.AutoDelete = true;
                    e.PrefetchCount = 64;
                    e.ConcurrentMessageLimit = 32;
                    e.ConfigureConsumer<PingConsumer>(context);
                });
            });
        });
        await using var provider = services.BuildServiceProvider();
        var bus = provider.GetRequiredService<IBusControl>();
        await bus.StartAsync();
        try
        {
            var stopwatch = Stopwatch.StartNew();

            // Publishing awaited one at a time tops out near 1,000–1,250/s on these machines: publish in parallel batches.
            for (var sent = 0; sent < messages; sent += 500)
            {
                var batch = Enumerable.Range(sent, Math.Min(500, messages - sent)).Select(i => bus.Publish(new BenchPing { Number = i }));
                await Task.WhenAll(batch);
            }

            await counter.Done.WaitAsync(TimeSpan.FromMinutes(5));
            return messages / stopwatch.Elapsed.TotalSeconds;
        }
        finally
        {
            await bus.StopAsync();
        }
    }

    public sealed class Counter(int expected)
    {
        private int _count;
        private readonly TaskCompletionSource _done = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task Done => _done.Task;

        public void Increment()
        {
            if (Interlocked.Increment(ref _count) == expected)
            {
                _done.TrySetResult();
            }
        }
    }

    public sealed class PingConsumer(Counter counter) : IConsumer<BenchPing>
    {
        public Task Consume(ConsumeContext<BenchPing> context)
        {
            counter.Increment();
            return Task.CompletedTask;
        }
    }
}
