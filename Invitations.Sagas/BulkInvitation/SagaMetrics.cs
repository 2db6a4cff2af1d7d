using System.Diagnostics.Metrics;

namespace Invitations.Sagas.BulkInvitation;

/// <summary>The saga's instruments, on the service's meter (<c>Invitations</c>).</summary>
public sealed class SagaMetrics
{
    public SagaMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create("Invitations");
        JobDuration = meter.CreateHistogram<double>("invitations.job.duration", unit: "s", description: "From the job's start to its final state");
    }

    public Histogram<double> JobDuration { get; }
}
