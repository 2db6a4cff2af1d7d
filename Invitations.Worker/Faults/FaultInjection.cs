using Microsoft.Extensions.Options;

namespace Invitations.Worker.Faults;

/// <summary>The hooks of <see cref="FaultOptions"/>; each does nothing outside the Testing environment.</summary>
public sealed class FaultInjection(IHostEnvironment environment, IOptions<FaultOptions> options)
{
    private readonly bool _enabled = environment.IsEnvironment(FaultOptions.Environment);

    public void BeforeOutcomePublish(int rowNumber)
    {
        if (_enabled && options.Value.CrashBeforeOutcomePublishRow == rowNumber)
        {
            Environment.FailFast($"Test fault: crash after row {rowNumber} committed, before its outcome is published.");
        }
    }
}
