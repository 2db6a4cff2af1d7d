using Invitations.Data.Persistence;
using Invitations.Data.Seeding;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Invitations.Worker;

internal static partial class WorkerStartup
{
    public static async Task<int> MigrateAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DatabaseMigrator>().MigrateAsync();
        if (scope.ServiceProvider.GetRequiredService<IOptions<DatabaseOptions>>().Value.SeedDemoData)
        {
            await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync(CancellationToken.None);
        }

        return 0;
    }

    /// <summary>
    /// Starts the worker. When PostgreSQL or RabbitMQ cannot be reached after the retries, or a setting is
    /// invalid, it logs why and exits non-zero, so an orchestrator restarts it and an operator sees the cause.
    /// </summary>
    public static async Task<int> RunAsync(IHost host)
    {
        var logger = host.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Invitations.Worker");
        try
        {
            await WaitForDatabaseAsync(host.Services, logger);
            await host.Services.PrepareDatabaseAsync();
            await host.StartAsync();
            LogReady(logger);
            await host.WaitForShutdownAsync();
            return 0;
        }
        catch (OptionsValidationException ex)
        {
            // A setting that cannot work is the operator's to fix, not an outage to wait out: say which one.
            LogInvalidConfiguration(logger, string.Join(" | ", ex.Failures));
            return 1;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogCannotStart(logger, ex);
            return 1;
        }
    }

    private static async Task WaitForDatabaseAsync(IServiceProvider services, ILogger logger)
    {
        var dataSource = services.GetRequiredService<NpgsqlDataSource>();
        var options = services.GetRequiredService<IOptions<DatabaseOptions>>().Value;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await using var connection = await dataSource.OpenConnectionAsync();
                return;
            }
            catch (NpgsqlException ex) when (attempt < options.StartupAttempts)
            {
                LogWaitingForDatabase(logger, attempt, options.StartupAttempts, ex.Message);
                await Task.Delay(options.StartupRetryDelay);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "PostgreSQL not reachable (attempt {Attempt}/{Attempts}): {Reason}")]
    private static partial void LogWaitingForDatabase(ILogger logger, int attempt, int attempts, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Worker ready: connected to PostgreSQL and RabbitMQ")]
    private static partial void LogReady(ILogger logger);

    [LoggerMessage(Level = LogLevel.Critical, Message = "Worker cannot start: its configuration is invalid: {Failures}")]
    private static partial void LogInvalidConfiguration(ILogger logger, string failures);

    [LoggerMessage(Level = LogLevel.Critical, Message = "Worker cannot start: its dependencies are not reachable")]
    private static partial void LogCannotStart(ILogger logger, Exception exception);
}
