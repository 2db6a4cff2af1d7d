using Microsoft.Extensions.Options;

namespace Invitations.Worker.Dispatching;

/// <summary>Runs <see cref="StalledJobSweep"/> every <see cref="SweepOptions.Interval"/>.</summary>
public sealed partial class StalledJobSweeper(
    IServiceScopeFactory scopes, IOptions<SweepOptions> options, TimeProvider clock, ILogger<StalledJobSweeper> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled)
        {
            return;
        }

        using var timer = new PeriodicTimer(options.Value.Interval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<StalledJobSweep>().SweepAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                // The database or the broker is away: the next tick tries again.
                LogPassFailed(logger, ex);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Stuck-job sweep failed")]
    private static partial void LogPassFailed(ILogger logger, Exception exception);
}
