using Invitations.Contracts.BulkInvitations;
using Invitations.Sagas.BulkInvitation.Messages;
using Invitations.Testing.BulkJobs;

namespace Invitations.Sagas.Tests.BulkInvitation;

public sealed class When_failed_rows_are_retried : SagaSpec
{
    [Test]
    public async Task Should_run_them_again_and_complete_anew()
    {
        var job = await SubmitAsync(await Jobs.WithRows(2).AlreadyDispatched().CreateAsync());
        await InvitedAsync(job, 2);
        await RejectedAsync(job, 3, "retries-exhausted");
        var first = await CompletedAsync(job);
        Assert.That(first.Status, Is.EqualTo(BulkJobStatus.PartialSuccess));

        await Harness.Bus.Publish(new RetryFailedDealers { BulkJobId = job.Id, RequestedBy = "support-test", RequestedAt = DateTimeOffset.UtcNow });
        await WaitForStateAsync(job.Id, BulkJobStatus.Processing);
        Assert.That(Harness.Published.Select<DispatchDealers>(m => m.Context.Message.BulkJobId == job.Id).Count(), Is.EqualTo(2));

        // The dispatcher would now send attempt 2 of the row; the spec plays it.
        await using (var db = TestRun.Infrastructure.CreateDbContext())
        {
            var row = db.BulkInvitationRows.Single(r => r.JobId == job.Id && r.RowNumber == 3);
            row.Attempts = 2;
            row.DispatchedAt = DateTimeOffset.UtcNow;
            await db.SaveChangesAsync();
        }

        await InvitedAsync(job, 3, attempt: 2);
        var second = await CompletedAsync(job, completions: 2);
        var saga = Saga(job.Id);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(second.Status, Is.EqualTo(BulkJobStatus.Completed));
            Assert.That(saga.SucceededDealers, Is.EqualTo(2));
            Assert.That(saga.FailedDealers, Is.Zero);
            Assert.That((await JobAsync(job.Id)).Status, Is.EqualTo(BulkJobStatus.Completed));
        }
    }

    [Test]
    public async Task Should_not_retry_an_invalid_phone_number()
    {
        var job = await SubmitAsync(await Jobs.WithRows(1).AlreadyDispatched().CreateAsync());
        await RejectedAsync(job, 2, "invalid-phone");
        await CompletedAsync(job);

        await Harness.Bus.Publish(new RetryFailedDealers { BulkJobId = job.Id, RequestedBy = "support-test", RequestedAt = DateTimeOffset.UtcNow });
        await Harness.Consumed.Any<RetryFailedDealers>(m => m.Context.Message.BulkJobId == job.Id);
        await WaitForStateAsync(job.Id, BulkJobStatus.Failed);
        Assert.That(Harness.Published.Select<DispatchDealers>(m => m.Context.Message.BulkJobId == job.Id).Count(), Is.EqualTo(1));
    }
}
