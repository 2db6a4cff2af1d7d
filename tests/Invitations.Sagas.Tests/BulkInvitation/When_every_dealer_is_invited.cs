using Invitations.Contracts.BulkInvitations;
using Invitations.Data.Persistence.Entities;
using Invitations.Sagas.BulkInvitation.Messages;
using Invitations.Testing.BulkJobs;
using Microsoft.EntityFrameworkCore;

namespace Invitations.Sagas.Tests.BulkInvitation;

public sealed class When_every_dealer_is_invited : SagaSpec
{
    [Test]
    public async Task Should_dispatch_the_job_and_complete_it_with_the_final_counts()
    {
        var job = await SubmitAsync(await Jobs.WithRows(4).AlreadyDispatched().CreateAsync());
        Assert.That(await Harness.Published.Any<DispatchDealers>(m => m.Context.Message.BulkJobId == job.Id), Is.True);

        foreach (var row in job.RowNumbers)
        {
            await InvitedAsync(job, row);
        }

        var completed = await CompletedAsync(job);
        await WaitForStateAsync(job.Id, BulkJobStatus.Completed);
        var stored = await JobAsync(job.Id);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(completed.Status, Is.EqualTo(BulkJobStatus.Completed));
            Assert.That(completed.SucceededDealers, Is.EqualTo(4));
            Assert.That(stored.Status, Is.EqualTo(BulkJobStatus.Completed));
            Assert.That(stored.CompletedAt, Is.Not.Null);
            Assert.That((await RowsAsync(job.Id)).Values, Is.All.EqualTo(RowStatus.Succeeded));
        }
    }

    [Test]
    public async Task Should_publish_the_last_progress_with_the_final_counts_before_completion()
    {
        var job = await SubmitAsync(await Jobs.WithRows(6).AlreadyDispatched().CreateAsync());
        foreach (var row in job.RowNumbers)
        {
            await InvitedAsync(job, row);
        }

        var completed = await CompletedAsync(job);
        var progress = Harness.Published.Select<BulkInvitationProgressed>(m => m.Context.Message.BulkJobId == job.Id)
            .Select(m => m.Context.Message).OrderBy(m => m.Sequence).ToList();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(progress, Is.Not.Empty);
            Assert.That(progress[^1].SucceededDealers, Is.EqualTo(6));
            Assert.That(completed.Sequence, Is.GreaterThan(progress[^1].Sequence));
        }
    }

    [Test]
    public async Task Should_write_the_submission_and_every_batch_of_outcomes_to_the_timeline()
    {
        var job = await SubmitAsync(await Jobs.WithRows(2).AlreadyDispatched().CreateAsync());
        await InvitedAsync(job, 2);
        await InvitedAsync(job, 3);
        await CompletedAsync(job);

        await using var db = TestRun.Infrastructure.CreateDbContext();
        var timeline = await db.SagaTimeline.Where(t => t.JobId == job.Id).OrderBy(t => t.Id).ToListAsync();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(timeline[0].Event, Is.EqualTo("BulkInvitationSubmitted"));
            Assert.That(timeline.Skip(1).Select(t => t.Event), Is.Not.Empty.And.All.EqualTo("DealerOutcomesRecorded"));
            Assert.That(string.Join(" ", timeline.Select(t => t.Detail)), Does.Contain("2").And.Contain("3"));
            Assert.That(timeline[0].FromState, Is.EqualTo("Initial"));
            Assert.That(timeline[0].ToState, Is.EqualTo("Processing"));
            Assert.That(timeline[^1].ToState, Is.EqualTo("Completed"));
            Assert.That(timeline.All(t => t.MessageId is not null), Is.True);
        }
    }
}
