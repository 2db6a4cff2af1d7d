using System.Diagnostics.Metrics;
using Invitations.ServiceDefaults.Hosting;

namespace Invitations.Worker.Sms;

/// <summary>The SMS path's instruments, on the service's meter (<c>Invitations</c>).</summary>
public sealed class SmsMetrics
{
    public SmsMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(Telemetry.MeterName);
        PossibleDuplicates = meter.CreateCounter<long>(
            "invitations.sms.possible_duplicates",
            description: "SMS sent again after an attempt whose result is unknown (a crash mid-send, or no answer within the timeout)");
    }

    public Counter<long> PossibleDuplicates { get; }
}
