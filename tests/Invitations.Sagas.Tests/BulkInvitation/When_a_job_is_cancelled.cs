using Invitations.Contracts.BulkInvitations;
using Invitations.Data.Persistence.Entities;

namespace Invitations.Sagas.Tests.BulkInvitation;

public sealed class When_a_job_is_cancelled : SagaSpec
{
    [Test]
    public async Task Should_skip_the_rows_not_yet_processed_and_end_cancelled()
    {
        var job = await SubmitAsync(await Jobs.WithRows(4).AlreadyDispatched().CreateAsync());
        await InvitedAsync(job, 2);
        await Harness.Bus.Publish(new CancelBulkInvitation { BulkJobId = job.Id, RequestedBy = "sponsor-test", RequestedAt = DateTimeOffset.UtcNow });

        var completed = await CompletedAsync(job);
        var rows = await RowsAsync(job.Id);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(completed.Status, Is.EqualTo(BulkJobStatus.Cancelled));
            Assert.That(completed.SkippedDealers, Is.EqualTo(3));
            Assert.That(rows.Values.Count(s => s == RowStatus.Skipped), Is.EqualTo(3));
            Assert.That((await JobAsync(job.Id)).Status, Is.EqualTo(BulkJobStatus.Cancelled));
            Assert.That(await ReservedCodesAsync(job.Id), Is.Zero);
        }
    }

    [Test]
    public async Task Should_record_a_late_outcome_without_reopening_the_job()
    {
        var job = await SubmitAsync(await Jobs.WithRows(3).AlreadyDispatched().CreateAsync());
        await Harness.Bus.Publish(new CancelBulkInvitation { BulkJobId = job.Id, RequestedBy = "sponsor-test", RequestedAt = DateTimeOffset.UtcNow });
        await CompletedAsync(job);

        await InvitedAsync(job, 3);
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (Saga(job.Id).SucceededDealers == 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }

        var saga = Saga(job.Id);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(saga.CurrentState, Is.EqualTo("Cancelled"));
            Assert.That(saga.SucceededDealers, Is.EqualTo(1));
            Assert.That(saga.SkippedDealers, Is.EqualTo(2));
        }
    }

    [Test]
    public async Task Should_cancel_a_job_the_worker_has_not_started_and_ignore_its_submission()
    {
        var job = await Jobs.WithRows(2).CreateAsync();
        await Harness.Bus.Publish(new CancelBulkInvitation { BulkJobId = job.Id, RequestedBy = "sponsor-test", RequestedAt = DateTimeOffset.UtcNow });
        var completed = await CompletedAsync(job);

        await Harness.Bus.Publish(Testing.BulkJobs.TestJobBuilder.Submitted(job));
        await Harness.Consumed.Any<BulkInvitationSubmitted>(m => m.Context.Message.BulkJobId == job.Id);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(completed.Status, Is.EqualTo(BulkJobStatus.Cancelled));
            Assert.That(completed.SkippedDealers, Is.EqualTo(2));
            Assert.That(Saga(job.Id).CurrentState, Is.EqualTo("Cancelled"));
            Assert.That((await JobAsync(job.Id)).Status, Is.EqualTo(BulkJobStatus.Cancelled));
        }
    }
}
