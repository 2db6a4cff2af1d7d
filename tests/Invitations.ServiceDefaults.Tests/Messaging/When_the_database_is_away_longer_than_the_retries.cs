using Invitations.ServiceDefaults.Messaging;
using Invitations.Testing;
using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;

namespace Invitations.ServiceDefaults.Tests.Messaging;

/// <summary>
/// An outage that outlasts a consumer's retries must not dead-letter its messages: they go back to their
/// queue and succeed once the database is back. A bug still goes to the error queue.
/// </summary>
public sealed class When_the_database_is_away_longer_than_the_retries
{
    private const int Retries = 2;

    [Test]
    public async Task Should_keep_the_message_out_of_the_error_queue_and_consume_it_once_the_database_is_back()
    {
        var queue = $"probe-{Guid.NewGuid():N}";
        await using var proxy = new TcpProxy(new NpgsqlConnectionStringBuilder(TestRun.Infrastructure.ConnectionString).Port);
        var log = new DatabaseProbeConsumer.Log { DataSource = ProxiedDataSource(proxy) };
        using var host = await StartAsync(queue, log);
        try
        {
            await proxy.CutAsync();
            var id = NewId.NextGuid();
            await SendAsync(host, queue, id);

            // Two rounds of retries spent while the database is away: today's behaviour dead-letters after the first.
            Assert.That(await Eventually.HoldsAsync(() => Task.FromResult(Volatile.Read(ref log.Attempts) >= 3 * (Retries + 1)), TimeSpan.FromSeconds(60)), Is.True);
            Assert.That(await QueueDepth.OfAsync(TestRun.Infrastructure.RabbitMqUri, queue + "_error"), Is.Zero);

            proxy.Restore();
            Assert.That(await Eventually.HoldsAsync(() => Task.FromResult(log.Succeeded.Contains(id)), TimeSpan.FromSeconds(60)), Is.True);
            using (Assert.EnterMultipleScope())
            {
                Assert.That(await QueueDepth.OfAsync(TestRun.Infrastructure.RabbitMqUri, queue + "_error"), Is.Zero);
                Assert.That(log.Faults, Is.Zero);
            }
        }
        finally
        {
            await host.StopAsync();
            await log.DataSource!.DisposeAsync();
        }
    }

    [Test]
    public async Task Should_still_send_a_poison_message_to_the_error_queue()
    {
        var queue = $"probe-{Guid.NewGuid():N}";
        var log = new DatabaseProbeConsumer.Log { DataSource = TestRun.Infrastructure.CreateDataSource() };
        using var host = await StartAsync(queue, log);
        try
        {
            var id = NewId.NextGuid();
            log.Poison.Add(id);
            await SendAsync(host, queue, id);

            Assert.That(await Eventually.HoldsAsync(
                async () => await QueueDepth.OfAsync(TestRun.Infrastructure.RabbitMqUri, queue + "_error") == 1, TimeSpan.FromSeconds(30)), Is.True);
            Assert.That(await Eventually.HoldsAsync(() => Task.FromResult(Volatile.Read(ref log.Faults) == 1), TimeSpan.FromSeconds(30)), Is.True);
        }
        finally
        {
            await host.StopAsync();
            await log.DataSource!.DisposeAsync();
        }
    }

    private static NpgsqlDataSource ProxiedDataSource(TcpProxy proxy) => NpgsqlDataSource.Create(
        new NpgsqlConnectionStringBuilder(TestRun.Infrastructure.ConnectionString) { Port = proxy.Port, Timeout = 2, CommandTimeout = 2 }.ConnectionString);

    private static async Task<IHost> StartAsync(string queue, DatabaseProbeConsumer.Log log)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(TestRun.Infrastructure.Configuration)
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["RabbitMq:RequeueDelayMin"] = "00:00:00.200",
                ["RabbitMq:RequeueDelayMax"] = "00:00:01",
            })
            .Build();
        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddSingleton(log);
        builder.Services.AddInvitationsMessaging(configuration, bus =>
        {
            bus.AddConsumer<DatabaseProbeConsumer>(c => c.UseMessageRetry(r => r.Immediate(Retries))).Endpoint(e => e.Name = queue);
            bus.AddConsumer<DatabaseProbeFaultConsumer>().Endpoint(e => e.Name = queue + "-faults");
        });
        var host = builder.Build();
        await host.StartAsync();
        return host;
    }

    private static async Task SendAsync(IHost host, string queue, Guid id)
    {
        var send = await host.Services.GetRequiredService<ISendEndpointProvider>().GetSendEndpoint(new Uri($"exchange:{queue}"));
        await send.Send(new DatabaseProbe { Id = id });
    }
}
