using Microsoft.Extensions.Options;

namespace Invitations.Worker.DealerInvitations;

/// <summary>Runs <see cref="InvitationExpirySweep"/> at start and then every <c>Invitations:ExpirySweepInterval</c>.</summary>
public sealed class InvitationExpiryLoop(
    IServiceScopeFactory scopes, TimeProvider clock, IOptions<ExpirySweepOptions> options, ILogger<InvitationExpiryLoop> logger)
    : PeriodicPass(scopes, clock, logger)
{
    protected override string Name => "The invitation expiry sweep";

    protected override bool Enabled => true;

    protected override TimeSpan Interval => options.Value.ExpirySweepInterval;

    protected override bool RunsAtStart => true;

    protected override Task RunAsync(IServiceProvider services, CancellationToken cancellationToken) =>
        services.GetRequiredService<InvitationExpirySweep>().SweepAsync(cancellationToken);
}
