using Invitations.Infrastructure.Persistence;
using Invitations.Infrastructure.Seeding;

namespace Invitations.Worker;

internal static partial class WorkerStartup
{
    public static async Task<int> MigrateAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DatabaseMigrator>().MigrateAsync();
        if (scope.ServiceProvider.GetRequiredService<Microsoft.Extensions.Options.IOptions<DatabaseOptions>>().Value.SeedDemoData)
        {
            await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync(CancellationToken.None);
        }

        return 0;
    }

    /// <summary>
    /// Starts the worker. When PostgreSQL or RabbitMQ cannot be reached after the retries, it logs why and
    /// exits non-zero, so an orchestrator restarts it and an operator sees the cause.
    /// </summary>
    public static async Task<int> RunAsync(IHost host)
    {
        var logger = host.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Invitations.Worker");
        try
        {
            await host.Services.PrepareDatabaseAsync();
            await host.StartAsync();
            LogReady(logger);
            await host.WaitForShutdownAsync();
            return 0;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogCannotStart(logger, ex);
            return 1;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Worker ready: connected to PostgreSQL and RabbitMQ")]
    private static partial void LogReady(ILogger logger);

    [LoggerMessage(Level = LogLevel.Critical, Message = "Worker cannot start: its dependencies are not reachable")]
    private static partial void LogCannotStart(ILogger logger, Exception exception);
}
