namespace Invitations.Worker;

/// <summary>
/// A pass of the Worker's own that runs every interval, in a scope of its own. A pass that fails (the database or
/// the broker is away) is logged and the next tick tries again. The first pass waits one interval (the bus is
/// still starting when hosted services start) unless <see cref="RunsAtStart"/>.
/// </summary>
public abstract partial class PeriodicPass(IServiceScopeFactory scopes, TimeProvider clock, ILogger logger) : BackgroundService
{
    /// <summary>What the log calls this pass.</summary>
    protected abstract string Name { get; }

    protected abstract bool Enabled { get; }

    protected abstract TimeSpan Interval { get; }

    /// <summary>Whether the first pass runs at start instead of after one interval.</summary>
    protected virtual bool RunsAtStart => false;

    /// <summary>One pass, with the services of its scope.</summary>
    protected abstract Task RunAsync(IServiceProvider services, CancellationToken cancellationToken);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!Enabled)
        {
            return;
        }

        using var timer = new PeriodicTimer(Interval, clock);
        try
        {
            if (RunsAtStart)
            {
                await RunOnceAsync(stoppingToken);
            }

            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
            {
                await RunOnceAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    private async Task RunOnceAsync(CancellationToken stoppingToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            await RunAsync(scope.ServiceProvider, stoppingToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
        {
            LogPassFailed(logger, Name, ex);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Pass} failed; the next tick tries again")]
    private static partial void LogPassFailed(ILogger logger, string pass, Exception exception);
}
