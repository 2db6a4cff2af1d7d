using Microsoft.Extensions.Options;

namespace Invitations.Worker.Dispatching;

/// <summary>Runs <see cref="PendingJobRepublisher"/> every poll interval: a lost publish only delays a job.</summary>
public sealed partial class PendingJobDispatcher(
    IServiceScopeFactory scopes, IOptions<DispatcherOptions> options, TimeProvider clock, ILogger<PendingJobDispatcher> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled)
        {
            return;
        }

        // The first pass waits one interval: the bus is still starting when hosted services start.
        using var timer = new PeriodicTimer(options.Value.PollInterval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                while (await scope.ServiceProvider.GetRequiredService<PendingJobRepublisher>().RepublishAsync(stoppingToken) >= options.Value.BatchSize)
                {
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                // The database or the broker is away: try again on the next tick.
                LogPassFailed(logger, ex);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Pending-job dispatcher pass failed")]
    private static partial void LogPassFailed(ILogger logger, Exception exception);
}
