using Invitations.Contracts.BulkInvitations;
using Invitations.Data.Persistence.Entities;
using Invitations.Sagas.BulkInvitation.Ports;
using Invitations.Testing.BulkJobs;
using MassTransit;
using Microsoft.EntityFrameworkCore;

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
    public async Task Should_count_only_the_rows_a_report_names()
    {
        var job = await SubmitAsync(await Jobs.WithRows(3).AlreadyDispatched().CreateAsync());

        // Row 4 is recorded without a report (yet); rows 2 and 3 are reported, row 2 twice.
        await RecordAsync(job.Id, new RowOutcome(4, 1, true, NewId.NextGuid(), null, null, null, DateTimeOffset.UtcNow));
        await InvitedAsync(job, 2);
        await RejectedAsync(job, 3);
        await InvitedAsync(job, 2);
        var counted = await CountedAsync(job.Id, rows => rows[0] is not null && rows[1] is not null);
        // The harness's saga may lag the rows' counted marks by a moment: wait until it has counted row 3.
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (Saga(job.Id).FailedDealers == 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20);
        }

        var (succeeded, failed) = (Saga(job.Id).SucceededDealers, Saga(job.Id).FailedDealers);

        // Its report comes late (as a redelivery's would): now it counts.
        await InvitedAsync(job, 4);
        var completed = await CompletedAsync(job);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(counted, Is.EqualTo(new RowStatus?[] { RowStatus.Succeeded, RowStatus.Failed, null }));
            Assert.That((succeeded, failed), Is.EqualTo((1, 1)));
            Assert.That(completed.SucceededDealers, Is.EqualTo(2));
            Assert.That(completed.FailedDealers, Is.EqualTo(1));
            Assert.That(await CountedAsync(job.Id, _ => true), Is.EqualTo(new RowStatus?[] { RowStatus.Succeeded, RowStatus.Failed, RowStatus.Succeeded }));
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

    /// <summary>What each row is counted as, in row order, once that satisfies <paramref name="until"/>.</summary>
    private static async Task<RowStatus?[]> CountedAsync(Guid jobId, Func<RowStatus?[], bool> until)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            await using var db = TestRun.Infrastructure.CreateDbContext();
            var counted = await db.BulkInvitationRows.Where(r => r.JobId == jobId).OrderBy(r => r.RowNumber).Select(r => r.CountedStatus).ToArrayAsync();
            if (until(counted) || DateTime.UtcNow > deadline)
            {
                return counted;
            }

            await Task.Delay(50);
        }
    }
}
