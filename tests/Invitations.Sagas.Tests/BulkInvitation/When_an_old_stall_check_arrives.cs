using Invitations.Sagas.BulkInvitation.Messages;
using Invitations.Testing.BulkJobs;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace Invitations.Sagas.Tests.BulkInvitation;

/// <summary>
/// Every armed stall check carries its schedule's token (our scheduler stores it and sets
/// <c>MT-Scheduling-TokenId</c> on delivery). A check armed before the saga re-armed it, delivered late or twice,
/// is not the job's current one: the saga neither looks at it (no timeline entry, no dispatch) nor re-arms; the current
/// one is looked at (here outcomes are still arriving, the stall timeout being the shipped one) and arms the next.
/// </summary>
public sealed class When_an_old_stall_check_arrives : SagaSpec
{
    [Test]
    public async Task Should_ignore_it_and_act_on_the_current_one()
    {
        var job = await SubmitAsync(await Jobs.WithRows(2).AlreadyDispatched().CreateAsync());
        var current = await ArmedAsync(job.Id, before: null);
        Assert.That(current, Is.Not.Null, "a processing job has a stall check armed");

        await DeliverCheckAsync(job.Id, NewId.NextGuid());
        Assert.That(await Harness.Consumed.Any<BulkInvitationStallCheck>(m => m.Context.Message.BulkJobId == job.Id), Is.True);
        var afterOld = await StallCheckEntriesAsync(job.Id);
        var tokenAfterOld = Saga(job.Id).StallCheckTokenId;
        var dispatchedAfterOld = Harness.Published.Select<DispatchDealers>(m => m.Context.Message.BulkJobId == job.Id && m.Context.Message.IncludeDispatched).Count();

        await DeliverCheckAsync(job.Id, current!.Value);
        var rearmed = await ArmedAsync(job.Id, before: current) is not null;
        var afterCurrent = await StallCheckEntriesAsync(job.Id);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(afterOld, Is.Zero, "the old check left a timeline entry");
            Assert.That(dispatchedAfterOld, Is.Zero, "the old check dispatched the rows again");
            Assert.That(tokenAfterOld, Is.EqualTo(current), "the old check re-armed the stall check");
            Assert.That(rearmed, Is.True, "the current check arms the next one");
            Assert.That(afterCurrent, Is.EqualTo(1), "the current check is looked at (outcomes are arriving) and noted once");
        }
    }

    private Task DeliverCheckAsync(Guid jobId, Guid tokenId) =>
        Harness.Bus.Publish(
            new BulkInvitationStallCheck { BulkJobId = jobId },
            context => context.Headers.Set(MessageHeaders.SchedulingTokenId, tokenId.ToString("D")));

    /// <summary>The job's stall check token once it is set and differs from <paramref name="before"/>; null after 5 s.</summary>
    private async Task<Guid?> ArmedAsync(Guid jobId, Guid? before)
    {
        for (var wait = 0; wait < 50; wait++)
        {
            if (Saga(jobId).StallCheckTokenId is { } token && token != before)
            {
                return token;
            }

            await Task.Delay(100);
        }

        return null;
    }

    private static async Task<int> StallCheckEntriesAsync(Guid jobId)
    {
        await using var db = TestRun.Infrastructure.CreateDbContext();
        return await db.SagaTimeline.CountAsync(t => t.JobId == jobId && t.Event == nameof(BulkInvitationStallCheck));
    }
}
