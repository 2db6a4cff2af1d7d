using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Invitations.ServiceDefaults.Hosting;

/// <summary>Our own ActivitySource and meter; instruments are added by the features that record them.</summary>
public sealed class Telemetry : IDisposable
{
    public const string ActivitySourceName = "Invitations";
    public const string MeterName = "Invitations";

    public static readonly ActivitySource ActivitySource = new(ActivitySourceName);

    public Telemetry(IMeterFactory meterFactory)
    {
        Meter = meterFactory.Create(MeterName);
        JobsAccepted = Meter.CreateCounter<long>("invitations.jobs.accepted", description: "Bulk jobs accepted");
        DealersProcessed = Meter.CreateCounter<long>("invitations.dealers.processed", description: "Dealer rows with an outcome");
        DealersFailed = Meter.CreateCounter<long>("invitations.dealers.failed", description: "Dealer rows that failed");
    }

    public Meter Meter { get; }
    public Counter<long> JobsAccepted { get; }
    public Counter<long> DealersProcessed { get; }
    public Counter<long> DealersFailed { get; }

    public void Dispose() => Meter.Dispose();
}
