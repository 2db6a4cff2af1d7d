using Invitations.Contracts.BulkInvitations;
using Invitations.Data.Persistence.Entities;
using Invitations.Testing.BulkJobs;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace Invitations.Worker.Tests.Dealers;

public sealed class When_a_dealer_already_exists
{
    private WorkerHost _worker = null!;

    [OneTimeSetUp]
    public async Task StartAsync() => _worker = await WorkerHost.StartAsync();

    [OneTimeTearDown]
    public async Task StopAsync() => await _worker.DisposeAsync();

    [Test]
    public async Task Should_reject_that_row_and_end_partially_successful()
    {
        var job = await new TestJobBuilder(TestRun.Infrastructure).WithRows(3).CreateAsync();
        await TestJobBuilder.AddExistingDealerForRowAsync(TestRun.Infrastructure, job, 3);
        await using var db = TestRun.Infrastructure.CreateDbContext();

        await _worker.Bus.Publish(TestJobBuilder.Submitted(job));

        var completed = await _worker.CompletionAsync(job.Id);
        var row = await db.BulkInvitationRows.AsNoTracking().SingleAsync(r => r.JobId == job.Id && r.RowNumber == 3);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(completed.Status, Is.EqualTo(BulkJobStatus.PartialSuccess));
            Assert.That(completed.SucceededDealers, Is.EqualTo(2));
            Assert.That(completed.FailedDealers, Is.EqualTo(1));
            Assert.That(row.Status, Is.EqualTo(RowStatus.Failed));
            Assert.That(row.ErrorCode, Is.EqualTo("dealer-exists"));
            Assert.That(await db.DealerInvitations.CountAsync(i => i.BulkJobId == job.Id), Is.EqualTo(2));
            Assert.That(await db.SponsorshipCodes.CountAsync(c => c.ReservedByJobId == job.Id && c.AssignedAt == null), Is.Zero);
            Assert.That(await db.SponsorshipCodes.CountAsync(c => c.SponsorId == job.SponsorId && c.ReservedByJobId == null), Is.EqualTo(1));
        }
    }
}
