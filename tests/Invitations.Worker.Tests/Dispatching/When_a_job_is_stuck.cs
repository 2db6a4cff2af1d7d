using Invitations.Contracts.BulkInvitations;
using Invitations.Data.Persistence.Entities;
using Invitations.Sagas.BulkInvitation;
using Invitations.Testing.BulkJobs;
using Invitations.Worker.Tests.Dealers;
using Microsoft.EntityFrameworkCore;

namespace Invitations.Worker.Tests.Dispatching;

/// <summary>
/// A job the saga started whose dispatch and stall check were both lost (sent from memory after the commit,
/// then a crash): nothing scheduled will ever wake it. The sweep finds it from the database and it ends.
/// </summary>
public sealed class When_a_job_is_stuck
{
    private WorkerHost _worker = null!;

    [OneTimeSetUp]
    public async Task StartAsync() => _worker = await WorkerHost.StartAsync(new Dictionary<string, string?>
    {
        ["Sweep:Interval"] = "00:00:01",
        ["Sweep:QuietFor"] = "00:00:02",

        // No stall check can come to the rescue within the test.
        ["Saga:StallTimeout"] = "01:00:00",
    });

    [OneTimeTearDown]
    public async Task StopAsync() => await _worker.DisposeAsync();

    [Test]
    public async Task Should_dispatch_its_rows_again_and_complete_it()
    {
        var job = await new TestJobBuilder(TestRun.Infrastructure).WithRows(5).CreateAsync();
        await StartedAndForgottenAsync(job);

        Assert.That(await JobWatch.UntilFinalAsync(job.Id), Is.EqualTo(BulkJobStatus.Completed));
        await using var db = TestRun.Infrastructure.CreateDbContext();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(await db.DealerInvitations.CountAsync(i => i.BulkJobId == job.Id), Is.EqualTo(5));
            Assert.That(await db.SmsMessages.CountAsync(m => m.BulkJobId == job.Id), Is.EqualTo(5));
            Assert.That((await db.BulkInvitationSagas.SingleAsync(s => s.CorrelationId == job.Id)).SucceededDealers, Is.EqualTo(5));
        }
    }

    /// <summary>The saga's commit of Submitted, without anything it sent: Processing, rows pending, no timer.</summary>
    private static async Task StartedAndForgottenAsync(TestJob job)
    {
        var startedAt = DateTimeOffset.UtcNow.AddMinutes(-1);
        await using var db = TestRun.Infrastructure.CreateDbContext();
        db.BulkInvitationSagas.Add(new BulkInvitationState
        {
            CorrelationId = job.Id,
            CurrentState = nameof(BulkJobStatus.Processing),
            SponsorId = job.SponsorId,
            TotalDealers = job.TotalDealers,
            CreatedAt = startedAt,
            StartedAt = startedAt,
        });
        await db.BulkInvitationJobs.Where(j => j.Id == job.Id)
            .ExecuteUpdateAsync(set => set.SetProperty(j => j.Status, BulkJobStatus.Processing));
        await db.SaveChangesAsync();
    }
}
