using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Invitations.Contracts.BulkInvitations;
using Invitations.Testing.BulkJobs;
using Invitations.Worker.Tests.Dealers;

namespace Invitations.Worker.Tests.Telemetry;

/// <summary>What an operator's dashboard reads: dealers processed and failed, and how long jobs take.</summary>
public sealed class When_a_job_is_measured
{
    [Test]
    public async Task Should_count_each_dealer_once_and_record_the_job_duration()
    {
        var measurements = new ConcurrentQueue<(string Instrument, double Value, string? Tag)>();
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == "Invitations")
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<long>((i, value, tags, _) => measurements.Enqueue((i.Name, value, Tag(tags))));
        listener.SetMeasurementEventCallback<double>((i, value, tags, _) => measurements.Enqueue((i.Name, value, Tag(tags))));
        listener.Start();

        await using var worker = await WorkerHost.StartAsync();
        var job = await new TestJobBuilder(TestRun.Infrastructure).WithRows(6).CreateAsync();
        await worker.Bus.Publish(TestJobBuilder.Submitted(job));

        // The same row delivered again on top: reported again, but not counted again.
        await worker.Bus.Publish(new Contracts.Dealers.InviteDealer { BulkJobId = job.Id, RowNumber = 2, Attempt = 1 });
        var completed = await worker.CompletionAsync(job.Id);
        await JobWatch.UntilAsync(() => Task.FromResult(worker.Messages.OutcomesReported(job.Id) == 7));

        var all = measurements.ToArray();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(completed.Status, Is.EqualTo(BulkJobStatus.Completed));
            Assert.That(all.Where(m => m.Instrument == "invitations.dealers.processed").Sum(m => m.Value), Is.EqualTo(6));
            Assert.That(all.Where(m => m.Instrument == "invitations.dealers.failed"), Is.Empty);
            Assert.That(
                all.Where(m => m.Instrument == "invitations.job.duration").Select(m => m.Tag),
                Is.EqualTo(new[] { "Completed" }));
        }
    }

    private static string? Tag(ReadOnlySpan<KeyValuePair<string, object?>> tags) => tags.Length > 0 ? tags[0].Value?.ToString() : null;
}
