using System.Diagnostics;
using Invitations.Data.SagaRepository;
using Invitations.Testing;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Invitations.Data.Tests.SagaRepository;

public sealed class When_thousands_of_events_reach_one_saga
{
    [TestCase(SagaConcurrencyMode.Pessimistic, 2000)]
    [TestCase(SagaConcurrencyMode.Optimistic, 500)]
    public async Task Should_count_every_row_exactly_once_across_two_instances(SagaConcurrencyMode mode, int rows)
    {
        var queue = $"counter-{mode}-{Guid.NewGuid():N}".ToLowerInvariant();
        using var first = await CounterHost.StartAsync(queue, concurrency: 8, mode);
        using var second = await CounterHost.StartAsync(queue, concurrency: 8, mode);
        try
        {
            var counterId = NewId.NextGuid();
            var duplicates = rows / 10;
            var messages = Enumerable.Range(1, rows).Concat(Enumerable.Range(1, duplicates))
                .Select(row => new CounterIncremented { CounterId = counterId, RowNumber = row })
                .ToList();
            var send = await first.Services.GetRequiredService<ISendEndpointProvider>().GetSendEndpoint(new Uri($"exchange:{queue}"));

            var clock = Stopwatch.StartNew();
            foreach (var batch in messages.Chunk(100))
            {
                await Task.WhenAll(batch.Select(m => send.Send(m)));
            }

            var done = await Eventually.HoldsAsync(async () => (await CounterHost.FindAsync(counterId))?.Count >= rows, TimeSpan.FromMinutes(3));
            var elapsed = clock.Elapsed;
            await Task.Delay(TimeSpan.FromSeconds(1));
            var saga = await CounterHost.FindAsync(counterId);

            TestContext.Out.WriteLine($"{mode}: {messages.Count} events ({rows} distinct) into one saga in {elapsed.TotalSeconds:F2} s: {messages.Count / elapsed.TotalSeconds:F0} saga transactions/s");
            Assert.That(done, Is.True, "the saga did not reach the row count");
            Assert.That(saga!.Count, Is.EqualTo(rows));
            Assert.That(await CounterHost.CountRowsAsync(counterId), Is.EqualTo(rows));
        }
        finally
        {
            await Task.WhenAll(first.StopAsync(), second.StopAsync());
        }
    }
}
