using Microsoft.Extensions.Options;

namespace Invitations.Worker.Dispatching;

/// <summary>Runs <see cref="PendingJobRepublisher"/> every poll interval: a lost publish only delays a job.</summary>
public sealed class PendingJobDispatcher(
    IServiceScopeFactory scopes, IOptions<DispatcherOptions> options, TimeProvider clock, ILogger<PendingJobDispatcher> logger)
    : PeriodicPass(scopes, clock, logger)
{
    protected override string Name => "Pending-job dispatcher pass";

    protected override bool Enabled => options.Value.Enabled;

    protected override TimeSpan Interval => options.Value.PollInterval;

    /// <summary>Batch after batch until one comes back short: a backlog is not left for the next tick.</summary>
    protected override async Task RunAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var republisher = services.GetRequiredService<PendingJobRepublisher>();
        while (await republisher.RepublishAsync(cancellationToken) >= options.Value.BatchSize)
        {
        }
    }
}
