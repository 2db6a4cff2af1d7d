using Invitations.Contracts.BulkInvitations;
using Invitations.Contracts.Dealers;
using Invitations.Testing.BulkJobs;
using Microsoft.EntityFrameworkCore;

namespace Invitations.Worker.Tests.Dealers;

public sealed class When_invite_dealer_is_delivered_twice
{
    private WorkerHost _worker = null!;

    [OneTimeSetUp]
    public async Task StartAsync() => _worker = await WorkerHost.StartAsync();

    [OneTimeTearDown]
    public async Task StopAsync() => await _worker.DisposeAsync();

    [Test]
    public async Task Should_make_one_invitation_per_dealer_and_count_each_once()
    {
        var job = await new TestJobBuilder(TestRun.Infrastructure).WithRows(10).WithCodesPerRow(2).CreateAsync();
        await _worker.Bus.Publish(TestJobBuilder.Submitted(job));

        // The same deliveries the dispatcher makes, once more each, racing with them.
        await Task.WhenAll(job.RowNumbers.Select(row =>
            _worker.Bus.Publish(new InviteDealer { BulkJobId = job.Id, RowNumber = row, Attempt = 1 })));

        var completed = await _worker.CompletionAsync(job.Id);
        await using var db = TestRun.Infrastructure.CreateDbContext();

        // Both deliveries of every row report an outcome; wait until all twenty went through to the saga.
        await JobWatch.UntilAsync(() => Task.FromResult(
            _worker.Messages.OutcomesReported(job.Id) == 20 && _worker.Messages.SagaCaughtUp(job.Id)));
        var saga = await db.BulkInvitationSagas.AsNoTracking().SingleAsync(s => s.CorrelationId == job.Id);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(completed.Status, Is.EqualTo(BulkJobStatus.Completed));
            Assert.That(saga.SucceededDealers, Is.EqualTo(10));
            Assert.That(saga.FailedDealers + saga.SkippedDealers, Is.Zero);
            Assert.That(completed.SucceededDealers, Is.EqualTo(10));
            Assert.That(_worker.Completions.Count(c => c.BulkJobId == job.Id), Is.EqualTo(1));
            Assert.That(await db.DealerInvitations.CountAsync(i => i.BulkJobId == job.Id), Is.EqualTo(10));
            Assert.That(await db.SmsMessages.CountAsync(m => m.BulkJobId == job.Id), Is.EqualTo(10));
            Assert.That(await db.SponsorshipCodes.CountAsync(c => c.ReservedByJobId == job.Id && c.InvitationId != null), Is.EqualTo(20));
        }
    }
}
