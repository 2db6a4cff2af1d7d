using Invitations.Data.SagaRepository;
using Invitations.ServiceDefaults.Messaging;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Invitations.Data.Tests.SagaRepository;

/// <summary>A service instance hosting the counter saga on real RabbitMQ and PostgreSQL.</summary>
public static class CounterHost
{
    public static async Task<IHost> StartAsync(string queueName, int concurrency = 16, SagaConcurrencyMode mode = SagaConcurrencyMode.Pessimistic, int retries = 50)
    {
        var connectionString = TestRun.Infrastructure.ConnectionString;
        await CounterDbContext.EnsureTablesAsync(connectionString);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(TestRun.Infrastructure.Configuration).Build();

        var builder = Host.CreateApplicationBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Logging.ClearProviders();
        builder.Logging.AddProvider(new ProgressLoggerProvider());
        builder.Services.AddDbContext<CounterDbContext>(options => CounterDbContext.Configure(options, connectionString));
        builder.Services.AddInvitationsMessaging(configuration, bus =>
        {
            bus.AddSagaStateMachine<CounterStateMachine, CounterState>()
                .PostgresRepository<CounterDbContext>(o => o.ConcurrencyMode = mode)
                .Endpoint(e => e.Name = queueName);
            bus.AddConfigureEndpointsCallback((context, name, endpoint) =>
            {
                if (name != queueName)
                {
                    return;
                }

                endpoint.ConcurrentMessageLimit = concurrency;
                endpoint.PrefetchCount = concurrency * 2;
                if (retries > 0)
                {
                    endpoint.UseMessageRetry(r => r.Intervals([.. Enumerable.Range(1, retries).Select(i => TimeSpan.FromMilliseconds(Math.Min(200, 10 * i)))]));
                }

                endpoint.UseInMemoryOutbox(context);
            });
            bus.AddConsumer<CounterNoticedConsumer>().Endpoint(e => e.Name = queueName + "-observer");
        });
        builder.Services.AddSingleton<CounterNoticedConsumer.Log>();
        var host = builder.Build();
        await host.StartAsync();
        return host;
    }

    public static async Task<CounterState?> FindAsync(Guid counterId)
    {
        await using var db = CounterDbContext.Create(TestRun.Infrastructure.ConnectionString);
        return await db.Counters.AsNoTracking().SingleOrDefaultAsync(x => x.CorrelationId == counterId);
    }

    public static async Task<int> CountRowsAsync(Guid counterId)
    {
        await using var db = CounterDbContext.Create(TestRun.Infrastructure.ConnectionString);
        return await db.Rows.CountAsync(x => x.CounterId == counterId);
    }

}
