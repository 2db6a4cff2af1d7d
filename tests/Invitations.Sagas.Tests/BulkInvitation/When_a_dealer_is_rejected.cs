using Invitations.Contracts.BulkInvitations;
using Invitations.Contracts.Dealers;
using Invitations.Data.Persistence.Entities;
using MassTransit;

namespace Invitations.Sagas.Tests.BulkInvitation;

public sealed class When_a_dealer_is_rejected : SagaSpec
{
    [Test]
    public async Task Should_end_partially_successful_and_release_the_unused_codes()
    {
        var job = await SubmitAsync(await Jobs.WithRows(3).AlreadyDispatched().CreateAsync());
        await InvitedAsync(job, 2);
        await RejectedAsync(job, 3, "dealer-exists");
        await InvitedAsync(job, 4);

        var completed = await CompletedAsync(job);
        var rows = await RowsAsync(job.Id);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(completed.Status, Is.EqualTo(BulkJobStatus.PartialSuccess));
            Assert.That(completed.FailedDealers, Is.EqualTo(1));
            Assert.That(rows[3], Is.EqualTo(RowStatus.Failed));

            // Nothing handed the codes over in this spec (no consumer): every reserved code goes back.
            Assert.That(await ReservedCodesAsync(job.Id), Is.Zero);
        }
    }

    [Test]
    public async Task Should_fail_the_job_when_every_row_fails_even_after_retries()
    {
        var job = await SubmitAsync(await Jobs.WithRows(2).AlreadyDispatched().CreateAsync());
        await RejectedAsync(job, 2);
        await Harness.Bus.Publish<Fault<InviteDealer>>(new
        {
            Message = new InviteDealer { BulkJobId = job.Id, RowNumber = 3, Attempt = 1 },
            FaultId = NewId.NextGuid(),
            Timestamp = DateTime.UtcNow,
            Exceptions = new[] { new { ExceptionType = "Invitations.Worker.Dealers.DealerTransientException", Message = "SMS gateway 503" } },
            FaultMessageTypes = new[] { "urn:message:Invitations.Contracts.Dealers:InviteDealer" },
        });

        var completed = await CompletedAsync(job);
        Assert.That(completed.Status, Is.EqualTo(BulkJobStatus.Failed));
    }
}
