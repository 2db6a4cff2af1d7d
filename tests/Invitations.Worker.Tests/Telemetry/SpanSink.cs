using System.Collections.ObjectModel;
using System.Diagnostics;

namespace Invitations.Worker.Tests.Telemetry;

/// <summary>The in-memory exporter's target: spans end on many threads at once.</summary>
public sealed class SpanSink : Collection<Activity>
{
    private readonly Lock _lock = new();

    public IReadOnlyList<Activity> Snapshot()
    {
        lock (_lock)
        {
            return this.DistinctBy(s => s.SpanId).ToList();
        }
    }

    protected override void InsertItem(int index, Activity item)
    {
        lock (_lock)
        {
            base.InsertItem(index, item);
        }
    }
}
