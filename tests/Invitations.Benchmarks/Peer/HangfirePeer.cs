using System.Diagnostics;
using Hangfire;
using Hangfire.PostgreSql;
using Invitations.Benchmarks.Ceiling;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Invitations.Benchmarks.Peer;

/// <summary>
/// The older design, rebuilt only here for comparison: a RabbitMQ consumer (prefetch 5) enqueues one
/// Hangfire job per dealer (Hangfire.PostgreSql, default server settings); each job does the same per-dealer
/// database work and bumps a progress row, which the sponsor polls until every dealer is done.
/// </summary>
public sealed class HangfirePeer(NpgsqlDataSource dataSource, string connectionString, string rabbitMqUri) : IAsyncDisposable
{
    public static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(500);

    private readonly long _sponsor = Random.Shared.NextInt64(1, long.MaxValue / 2);
    private BackgroundJobServer? _server;
    private IBusControl? _bus;
    private ServiceProvider? _provider;

    public async Task StartAsync(int maxDealers)
    {
        await new DealerTransaction(dataSource).CreateSchemaAsync(_sponsor, maxDealers * DealerTransaction.CodesPerDealer);
        PeerJob.Work = new DealerTransaction(dataSource);
        PeerJob.DataSource = dataSource;
        GlobalConfiguration.Configuration
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings()
            .UsePostgreSqlStorage(c => c.UseNpgsqlConnection(connectionString), new PostgreSqlStorageOptions { SchemaName = "hangfire_bench" });
        _server = new BackgroundJobServer();

        var services = new ServiceCollection();
        services.AddMassTransit(x =>
        {
            x.DisableUsageTelemetry();
            x.AddConsumer<EnqueueConsumer>();
            x.UsingRabbitMq((context, cfg) =>
            {
                cfg.Host(new Uri(rabbitMqUri));
                cfg.ReceiveEndpoint($"bench-peer-{Guid.NewGuid():N}", e =>
                {
                    e.AutoDelete = true;
                    e.PrefetchCount = 5;
                    e.ConfigureConsumer<EnqueueConsumer>(context);
                });
            });
        });
        _provider = services.BuildServiceProvider();
        _bus = _provider.GetRequiredService<IBusControl>();
        await _bus.StartAsync();
    }

    /// <summary>One job of <paramref name="dealers"/> dealers, from the first publish to the sponsor seeing it done.</summary>
    public async Task<TimeSpan> RunJobAsync(int dealers)
    {
        var job = Guid.NewGuid();
        await using (var command = dataSource.CreateCommand("INSERT INTO bench.progress (job_id, done) VALUES (@job, 0)"))
        {
            command.Parameters.AddWithValue("job", job);
            await command.ExecuteNonQueryAsync();
        }

        var stopwatch = Stopwatch.StartNew();
        for (var sent = 0; sent < dealers; sent += 500)
        {
            await Task.WhenAll(Enumerable.Range(sent + 1, Math.Min(500, dealers - sent))
                .Select(row => _bus!.Publish(new PeerInviteDealer { JobId = job, RowNumber = row, SponsorId = _sponsor })));
        }

        while (await DoneAsync(job) < dealers)
        {
            await Task.Delay(PollInterval);
        }

        return stopwatch.Elapsed;
    }

    public async ValueTask DisposeAsync()
    {
        if (_bus is not null)
        {
            await _bus.StopAsync();
        }

        if (_provider is not null)
        {
            await _provider.DisposeAsync();
        }

        _server?.Dispose();
    }

    private async Task<int> DoneAsync(Guid job)
    {
        await using var command = dataSource.CreateCommand("SELECT done FROM bench.progress WHERE job_id = @job");
        command.Parameters.AddWithValue("job", job);
        return (int)(await command.ExecuteScalarAsync())!;
    }

    public sealed class EnqueueConsumer : IConsumer<PeerInviteDealer>
    {
        public Task Consume(ConsumeContext<PeerInviteDealer> context)
        {
            var m = context.Message;
            BackgroundJob.Enqueue<PeerJob>(j => j.RunAsync(m.SponsorId, m.JobId, m.RowNumber));
            return Task.CompletedTask;
        }
    }
}
