using Invitations.Contracts.BulkInvitations;
using Invitations.Testing.BulkJobs;
using Invitations.Worker.Tests.Dealers;
using Microsoft.EntityFrameworkCore;

namespace Invitations.Worker.Tests.Dispatching;

/// <summary>
/// The saga's sends are written with its row (the transactional outbox): a Worker that commits the start of a job
/// and then relays nothing (as one that dies right after the commit) loses no send; another Worker relays them.
/// </summary>
public sealed class When_the_saga_commits_but_its_process_relays_nothing
{
    [Test]
    public async Task Should_keep_the_dispatch_in_the_database_until_another_worker_relays_it()
    {
        var job = await new TestJobBuilder(TestRun.Infrastructure).WithRows(5).CreateAsync();
        await using (var mute = await StartApartAsync(new Dictionary<string, string?> { ["Scheduler:DeliveryEnabled"] = "false", ["Sweep:Enabled"] = "false" }))
        {
            await mute.Bus.Publish(TestJobBuilder.Submitted(job));
            await JobWatch.UntilAsync(async () => await JobWatch.StatusAsync(job.Id) == BulkJobStatus.Processing);
            await JobWatch.UntilAsync(async () => await PendingDispatchesAsync(job.Id) == 1);
            await Task.Delay(TimeSpan.FromSeconds(1));

            await using var db = TestRun.Infrastructure.CreateDbContext();
            Assert.That(await db.BulkInvitationRows.CountAsync(r => r.JobId == job.Id && r.DispatchedAt != null), Is.Zero, "nothing sent the dispatch yet");
        }

        await using var relay = await StartApartAsync(new Dictionary<string, string?> { ["Sweep:Enabled"] = "false" });
        Assert.That(await JobWatch.UntilFinalAsync(job.Id), Is.EqualTo(BulkJobStatus.Completed));
        Assert.That(await PendingDispatchesAsync(job.Id), Is.Zero);
    }

    // MassTransit keeps its log context in the async flow that used a bus: a host started after must not inherit the first one's.
    private static Task<WorkerHost> StartApartAsync(IReadOnlyDictionary<string, string?> settings)
    {
        using (ExecutionContext.SuppressFlow())
        {
            return Task.Run(() => WorkerHost.StartAsync(settings));
        }
    }

    private static async Task<int> PendingDispatchesAsync(Guid jobId)
    {
        await using var db = TestRun.Infrastructure.CreateDbContext();
        var id = jobId.ToString();
        return await db.ScheduledMessages.CountAsync(m => m.MessageTypes.Contains("DispatchDealers") && m.Body.Contains(id));
    }
}
