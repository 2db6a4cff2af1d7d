using Invitations.Testing;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Invitations.Worker.Tests.Scheduling;

public sealed class When_the_scheduling_process_restarts
{
    [Test]
    public async Task Should_deliver_the_message_it_scheduled_before_stopping()
    {
        var queue = $"reminder-{Guid.NewGuid():N}";
        var reminderId = NewId.NextGuid();
        var destination = new Uri($"exchange:{queue}");

        Guid tokenId;
        using (var first = await StartAsync(queue))
        {
            await using var scope = first.Services.CreateAsyncScope();
            var scheduled = await scope.ServiceProvider.GetRequiredService<IMessageScheduler>()
                .ScheduleSend(destination, DateTime.UtcNow.AddSeconds(5), new Reminder { ReminderId = reminderId });
            tokenId = scheduled.TokenId;
            await Eventually.HoldsAsync(() => IsStoredAsync(tokenId), TimeSpan.FromSeconds(30));
            await first.StopAsync();
        }

        var stored = await IsStoredAsync(tokenId);
        using var second = await StartAsync(queue);
        try
        {
            var received = second.Services.GetRequiredService<ReminderConsumer.Received>();
            await Eventually.HoldsAsync(() => Task.FromResult(received.Ids.Contains(reminderId)), TimeSpan.FromSeconds(60));
            await Eventually.HoldsAsync(async () => !await IsStoredAsync(tokenId), TimeSpan.FromSeconds(10));

            Assert.That(stored, Is.True, "the schedule was not in PostgreSQL when the first process stopped");
            Assert.That(received.Ids, Does.Contain(reminderId));
            Assert.That(await IsStoredAsync(tokenId), Is.False, "the delivered message is still stored");
        }
        finally
        {
            await second.StopAsync();
        }
    }

    private static Task<IHost> StartAsync(string queue) =>
        SchedulerHost.StartAsync($"scheduler-{queue}", (bus, services) =>
        {
            services.AddSingleton<ReminderConsumer.Received>();
            bus.AddConsumer<ReminderConsumer>().Endpoint(e => e.Name = queue);
        });

    private static async Task<bool> IsStoredAsync(Guid tokenId)
    {
        await using var db = TestRun.Infrastructure.CreateDbContext();
        return await db.ScheduledMessages.AnyAsync(x => x.TokenId == tokenId);
    }
}
