using Invitations.Data.SagaRepository;
using Invitations.Testing;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Invitations.Worker.Tests.Scheduling;

public sealed class When_a_saga_schedules_its_timeout
{
    [Test]
    public async Task Should_receive_the_timeout_through_our_scheduler_on_RabbitMQ()
    {
        var connectionString = TestRun.Infrastructure.ConnectionString;
        await TimerDbContext.EnsureTablesAsync(connectionString);
        var queue = $"timer-{Guid.NewGuid():N}";
        using var host = await SchedulerHost.StartAsync($"scheduler-{queue}", (bus, services) =>
        {
            services.AddDbContext<TimerDbContext>(options => TimerDbContext.Configure(options, connectionString));
            bus.AddSagaStateMachine<TimerStateMachine, TimerState>()
                .PostgresRepository<TimerDbContext>()
                .Endpoint(e => e.Name = queue);
        });
        try
        {
            var timerId = NewId.NextGuid();
            var send = await host.Services.GetRequiredService<ISendEndpointProvider>().GetSendEndpoint(new Uri($"exchange:{queue}"));
            await send.Send(new TimerStarted { TimerId = timerId });

            await Eventually.HoldsAsync(async () => await StateAsync(timerId) == "Expired", TimeSpan.FromSeconds(30));

            Assert.That(await StateAsync(timerId), Is.EqualTo("Expired"));
        }
        finally
        {
            await host.StopAsync();
        }
    }

    private static async Task<string?> StateAsync(Guid timerId)
    {
        await using var db = TimerDbContext.Create(TestRun.Infrastructure.ConnectionString);
        return await db.Set<TimerState>().Where(x => x.CorrelationId == timerId).Select(x => x.CurrentState).SingleOrDefaultAsync();
    }
}
