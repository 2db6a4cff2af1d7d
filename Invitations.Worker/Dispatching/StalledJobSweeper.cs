using Microsoft.Extensions.Options;

namespace Invitations.Worker.Dispatching;

/// <summary>Runs <see cref="StalledJobSweep"/> every <see cref="SweepOptions.Interval"/>.</summary>
public sealed class StalledJobSweeper(
    IServiceScopeFactory scopes, IOptions<SweepOptions> options, TimeProvider clock, ILogger<StalledJobSweeper> logger)
    : PeriodicPass(scopes, clock, logger)
{
    protected override string Name => "Stuck-job sweep";

    protected override bool Enabled => options.Value.Enabled;

    protected override TimeSpan Interval => options.Value.Interval;

    protected override Task RunAsync(IServiceProvider services, CancellationToken cancellationToken) =>
        services.GetRequiredService<StalledJobSweep>().SweepAsync(cancellationToken);
}
