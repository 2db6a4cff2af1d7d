using Invitations.ServiceDefaults.Messaging;
using Invitations.Testing;
using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;

namespace Invitations.ServiceDefaults.Tests.Messaging;

/// <summary>
/// A process whose endpoint stays without its consumer while its queue fills (as after a broker restart under
/// rabbitmq-dotnet-client#1930) fails its liveness check once the limit has passed, so it is restarted.
/// </summary>
public sealed class When_an_endpoint_loses_its_consumer
{
    [Test]
    public async Task Should_fail_liveness_once_it_has_stayed_so_past_the_limit()
    {
        var queue = $"watched-{Guid.NewGuid():N}";
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(TestRun.Infrastructure.Configuration)
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["RabbitMq:WatchdogInterval"] = "00:00:00.300",
                ["RabbitMq:EndpointStuckLimit"] = "00:00:02",
            })
            .Build();
        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddSingleton(new DatabaseProbeConsumer.Log { DataSource = TestRun.Infrastructure.CreateDataSource() });
        builder.Services.AddInvitationsMessaging(configuration, bus => bus.AddConsumer<DatabaseProbeConsumer>().Endpoint(e => e.Name = queue));
        using var host = builder.Build();
        await host.StartAsync();
        try
        {
            var health = host.Services.GetRequiredService<HealthCheckService>();
            await Task.Delay(TimeSpan.FromSeconds(3));
            Assert.That((await LiveAsync(health)).Status, Is.EqualTo(HealthStatus.Healthy));

            // The consumer goes away from the queue while the process lives on, and work arrives for it.
            var endpoint = host.Services.GetRequiredService<IBusControl>().CheckHealth().Endpoints.Values
                .Single(e => e.InputAddress.AbsolutePath.EndsWith(queue, StringComparison.Ordinal)).ReceiveEndpoint;
            await endpoint.Stop();
            var send = await host.Services.GetRequiredService<ISendEndpointProvider>().GetSendEndpoint(new Uri($"exchange:{queue}"));
            await send.Send(new DatabaseProbe { Id = NewId.NextGuid() });

            HealthReport? report = null;
            Assert.That(await Eventually.HoldsAsync(async () => (report = await LiveAsync(health)).Status == HealthStatus.Unhealthy, TimeSpan.FromSeconds(30)), Is.True);
            Assert.That(report!.Entries["messaging-endpoints"].Description, Does.Contain(queue));
        }
        finally
        {
            await host.StopAsync();
        }
    }

    private static Task<HealthReport> LiveAsync(HealthCheckService health) => health.CheckHealthAsync(c => c.Tags.Contains("live"));
}
