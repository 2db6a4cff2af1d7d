using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Invitations.ServiceDefaults.Messaging;

/// <summary>Part of <c>/health/live</c>: unhealthy once an endpoint has been stuck past the limit (see <see cref="EndpointWatchdog"/>).</summary>
internal sealed class EndpointWatchdogHealthCheck(EndpointWatchdog watchdog) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var stuck = watchdog.Stuck();
        return Task.FromResult(stuck.Count == 0
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Unhealthy("Receive endpoints stuck: " + string.Join("; ", stuck)));
    }
}
