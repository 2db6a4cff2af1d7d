using System.Diagnostics;
using Invitations.Contracts.BulkInvitations;
using Invitations.Data.Persistence.Entities;
using Invitations.Testing.BulkJobs;
using Microsoft.EntityFrameworkCore;

namespace Invitations.Worker.Tests.Dealers;

/// <summary>Also the measurement of the report: the time is printed, never asserted.</summary>
public sealed class When_a_large_job_runs
{
    private WorkerHost _worker = null!;

    [OneTimeSetUp]
    public async Task StartAsync() => _worker = await WorkerHost.StartAsync();

    [OneTimeTearDown]
    public async Task StopAsync() => await _worker.DisposeAsync();

    [TestCase(500)]
    [TestCase(2000)]
    public async Task Should_invite_every_dealer_once(int dealers)
    {
        var job = await new TestJobBuilder(TestRun.Infrastructure).WithRows(dealers).CreateAsync();
        var clock = Stopwatch.StartNew();
        await _worker.Bus.Publish(TestJobBuilder.Submitted(job));

        var completed = await _worker.CompletionAsync(job.Id);
        clock.Stop();
        await TestContext.Out.WriteLineAsync($"{dealers} dealers: {clock.Elapsed.TotalSeconds:F2} s end to end ({dealers / clock.Elapsed.TotalSeconds:F0}/s)");

        await using var db = TestRun.Infrastructure.CreateDbContext();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(completed.Status, Is.EqualTo(BulkJobStatus.Completed));
            Assert.That(completed.SucceededDealers, Is.EqualTo(dealers));
            Assert.That(await db.DealerInvitations.CountAsync(i => i.BulkJobId == job.Id), Is.EqualTo(dealers));
            Assert.That(await db.BulkInvitationRows.CountAsync(r => r.JobId == job.Id && r.Status != RowStatus.Succeeded), Is.Zero);
        }
    }
}
