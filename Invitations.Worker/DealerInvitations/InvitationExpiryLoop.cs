using Microsoft.Extensions.Options;

namespace Invitations.Worker.DealerInvitations;

/// <summary>Runs <see cref="InvitationExpirySweep"/> at start and then every <c>Invitations:ExpirySweepInterval</c>.</summary>
public sealed partial class InvitationExpiryLoop(
    InvitationExpirySweep sweep, TimeProvider clock, IOptions<ExpirySweepOptions> options, ILogger<InvitationExpiryLoop> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.ExpirySweepInterval, clock);
        try
        {
            do
            {
                try
                {
                    await sweep.SweepAsync(stoppingToken);
                }
                catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
                {
                    // The database is away or busy: the next tick tries again, nothing is lost meanwhile.
                    LogSweepFailed(logger, ex);
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The invitation expiry sweep failed; it runs again on the next tick")]
    private static partial void LogSweepFailed(ILogger logger, Exception exception);
}
