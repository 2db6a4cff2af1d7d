using Invitations.Contracts.BulkInvitations;
using Invitations.Sagas.BulkInvitation;
using Invitations.Sagas.BulkInvitation.Messages;
using Invitations.Sagas.BulkInvitation.Ports;
using Invitations.Testing.BulkJobs;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace Invitations.Sagas.Tests.BulkInvitation;

public sealed class When_a_job_stalls : SagaSpec
{
    [Test]
    public async Task Should_dispatch_its_pending_rows_again()
    {
        var job = await SubmitAsync(await Jobs.WithRows(2).AlreadyDispatched().CreateAsync());

        Assert.That(
            await Harness.Published.Any<DispatchDealers>(m => m.Context.Message.BulkJobId == job.Id && m.Context.Message.IncludeDispatched),
            Is.True);
        await using var db = TestRun.Infrastructure.CreateDbContext();
        var timeline = await db.SagaTimeline.Where(t => t.JobId == job.Id && t.Event == nameof(BulkInvitationStallCheck)).ToListAsync();
        Assert.That(timeline.Select(t => t.Detail), Has.Some.Contains("dispatched again"));
    }

    [Test]
    public async Task Should_stop_checking_once_the_job_has_ended()
    {
        var job = await SubmitAsync(await Jobs.WithRows(1).AlreadyDispatched().CreateAsync());
        await InvitedAsync(job, 2);
        await CompletedAsync(job);
        await Task.Delay(TimeSpan.FromSeconds(1));

        Assert.That(Saga(job.Id).StallCheckTokenId, Is.Null);
        Assert.That((await JobAsync(job.Id)).Status, Is.EqualTo(BulkJobStatus.Completed));
    }

    [Test]
    public async Task Should_complete_a_job_whose_outcome_events_were_lost()
    {
        var job = await SubmitAsync(await Jobs.WithRows(2).AlreadyDispatched().CreateAsync());

        // The consumer recorded both rows, then died before publishing either outcome event.
        await RecordAsync(job.Id, new RowOutcome(2, 1, true, NewId.NextGuid(), null, null, null, DateTimeOffset.UtcNow));
        await RecordAsync(job.Id, new RowOutcome(3, 1, false, null, null, "dealer-exists", "exists", DateTimeOffset.UtcNow));

        var completed = await CompletedAsync(job);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(completed.Status, Is.EqualTo(BulkJobStatus.PartialSuccess));
            Assert.That(completed.SucceededDealers, Is.EqualTo(1));
            Assert.That(completed.FailedDealers, Is.EqualTo(1));
        }
    }

    protected override void Configure(SagaOptions options) => options.StallTimeout = TimeSpan.FromMilliseconds(300);
}
