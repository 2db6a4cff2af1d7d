using Invitations.Contracts.BulkInvitations;

namespace Invitations.Sagas.Tests.BulkInvitation;

public sealed class When_an_outcome_arrives_twice : SagaSpec
{
    [Test]
    public async Task Should_count_each_row_once()
    {
        var job = await SubmitAsync(await Jobs.WithRows(3).AlreadyDispatched().CreateAsync());
        await InvitedAsync(job, 2);
        await InvitedAsync(job, 2);
        await RejectedAsync(job, 2);
        await InvitedAsync(job, 3);
        await InvitedAsync(job, 4);
        await InvitedAsync(job, 3);

        var completed = await CompletedAsync(job);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(completed.Status, Is.EqualTo(BulkJobStatus.Completed));
            Assert.That(completed.SucceededDealers, Is.EqualTo(3));
            Assert.That(completed.FailedDealers, Is.Zero);
        }
    }

    [Test]
    public async Task Should_ignore_an_outcome_of_another_attempt()
    {
        var job = await SubmitAsync(await Jobs.WithRows(2).AlreadyDispatched().CreateAsync());
        await RejectedAsync(job, 2, attempt: 7);
        await InvitedAsync(job, 2);
        await InvitedAsync(job, 3);

        var completed = await CompletedAsync(job);
        Assert.That(completed.SucceededDealers, Is.EqualTo(2));
    }
}
