using System.Net;
using Invitations.Contracts.BulkInvitations;
using Invitations.Data.Persistence.Entities;
using Invitations.Testing.BulkJobs;
using Invitations.Worker.Tests.Dealers;
using Microsoft.EntityFrameworkCore;

namespace Invitations.Worker.Tests.DealerInvitations;

public sealed class When_invitations_expire
{
    private DealerSide _side = null!;

    [OneTimeSetUp]
    public async Task StartAsync() => _side = await DealerSide.StartAsync();

    [OneTimeTearDown]
    public async Task StopAsync() => await _side.DisposeAsync();

    [Test]
    public async Task Should_expire_only_the_due_ones_release_their_codes_and_answer_410()
    {
        var job = await _side.RunJobAsync(rows: 4, codesPerRow: 2);
        var before = await DealerSide.CodesOfSponsorAsync(job.SponsorId);
        var invitations = await DealerSide.InvitationsAsync(job.Id);
        await DealerSide.ExpireAsync(invitations.Take(3).Select(i => i.Id));

        await _side.NewSweep().SweepAsync(CancellationToken.None);

        using var accept = await _side.AcceptAsync(invitations[0].Token);
        using var decline = await _side.DeclineAsync(invitations[1].Token);
        using var stillOpen = await _side.AcceptAsync(invitations[3].Token);
        var statuses = (await DealerSide.InvitationsAsync(job.Id)).Select(i => i.Status);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(statuses, Is.EqualTo(new[] { InvitationStatus.Expired, InvitationStatus.Expired, InvitationStatus.Expired, InvitationStatus.Accepted }));
            Assert.That(accept.StatusCode, Is.EqualTo(HttpStatusCode.Gone));
            Assert.That(decline.StatusCode, Is.EqualTo(HttpStatusCode.Gone));
            Assert.That(stillOpen.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(await DealerSide.AvailableCodesAsync(job.SponsorId), Is.EqualTo(before - 2));
        }
    }

    [Test]
    public async Task Should_expire_each_invitation_once_with_two_sweeps_at_once()
    {
        var job = await _side.RunJobAsync(rows: 60, codesPerRow: 1);
        var invitations = await DealerSide.InvitationsAsync(job.Id);
        await DealerSide.ExpireAsync(invitations.Select(i => i.Id));

        // Small batches, so the two sweeps interleave over many transactions.
        var first = Sweep(batch: 7);
        var second = Sweep(batch: 7);
        var counts = await Task.WhenAll(first.SweepAsync(CancellationToken.None), second.SweepAsync(CancellationToken.None));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(counts.Sum(), Is.EqualTo(60));
            Assert.That((await DealerSide.InvitationsAsync(job.Id)).Select(i => i.Status), Is.All.EqualTo(InvitationStatus.Expired));
            Assert.That(await DealerSide.AvailableCodesAsync(job.SponsorId), Is.EqualTo(60));
        }
    }

    [Test]
    public async Task Should_leave_each_invitation_either_accepted_or_expired_when_accepts_race_the_sweep()
    {
        var job = await _side.RunJobAsync(rows: 30, codesPerRow: 1);
        var before = await DealerSide.CodesOfSponsorAsync(job.SponsorId);
        var invitations = await DealerSide.InvitationsAsync(job.Id);

        // Two sweeps run over and over while accepts go out one after the other; half-way, once the first accept
        // has answered, the expiry passes for every invitation: accepts still in flight race the sweeps.
        using var stop = new CancellationTokenSource();
        var sweeps = Enumerable.Range(0, 2).Select(_ => Task.Run(async () =>
        {
            var sweep = Sweep(batch: 5);
            while (!stop.IsCancellationRequested)
            {
                await sweep.SweepAsync(CancellationToken.None);
            }
        })).ToArray();
        var accepts = new List<Task<(Guid Id, HttpStatusCode StatusCode)>>();
        foreach (var invitation in invitations)
        {
            if (accepts.Count == invitations.Count / 2)
            {
                await accepts[0];
                await DealerSide.ExpireAsync(invitations.Select(i => i.Id));
            }

            accepts.Add(AcceptAsync(invitation));
            await Task.Delay(10);
        }

        var answers = await Task.WhenAll(accepts);
        await stop.CancelAsync();
        await Task.WhenAll(sweeps);

        // Whatever answered 410 before a sweep reached it is swept now.
        await Sweep(batch: 5).SweepAsync(CancellationToken.None);

        var final = (await DealerSide.InvitationsAsync(job.Id)).ToDictionary(i => i.Id);
        await using var check = TestRun.Infrastructure.CreateDbContext();
        var owned = await check.SponsorshipCodes.Where(c => c.InvitationId != null && c.DealerId != null && c.ReservedByJobId == job.Id).CountAsync();
        var accepted = answers.Count(a => a.StatusCode == HttpStatusCode.OK);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(answers.Select(a => a.StatusCode), Is.All.AnyOf(HttpStatusCode.OK, HttpStatusCode.Gone));
            Assert.That(answers.Where(a => a.StatusCode == HttpStatusCode.OK).Select(a => final[a.Id].Status), Is.All.EqualTo(InvitationStatus.Accepted));
            Assert.That(answers.Where(a => a.StatusCode == HttpStatusCode.Gone).Select(a => final[a.Id].Status), Is.All.EqualTo(InvitationStatus.Expired));
            Assert.That(owned, Is.EqualTo(accepted));
            Assert.That(await DealerSide.AvailableCodesAsync(job.SponsorId), Is.EqualTo(before - accepted));
        }

        // Both sides happened: the first accept answered before the expiry, the last ones began after it.
        Assert.That(accepted, Is.InRange(1, 29));
    }

    private async Task<(Guid Id, HttpStatusCode StatusCode)> AcceptAsync(Invitations.Data.Persistence.Entities.DealerInvitation invitation)
    {
        using var response = await _side.AcceptAsync(invitation.Token);
        return (invitation.Id, response.StatusCode);
    }

    [Test]
    public async Task Should_let_a_later_job_invite_an_expired_or_declined_dealer_again_but_not_an_accepted_one()
    {
        var first = await _side.RunJobAsync(rows: 3);
        var invitations = await DealerSide.InvitationsAsync(first.Id);
        await DealerSide.ExpireAsync([invitations[0].Id]);
        await _side.NewSweep().SweepAsync(CancellationToken.None);
        (await _side.DeclineAsync(invitations[1].Token)).Dispose();
        (await _side.AcceptAsync(invitations[2].Token)).Dispose();

        var second = await new TestJobBuilder(TestRun.Infrastructure).WithRows(3).ForSponsor(first.SponsorId).CreateAsync();
        await using (var db = TestRun.Infrastructure.CreateDbContext())
        {
            foreach (var (invitation, row) in invitations.Zip(second.RowNumbers))
            {
                await db.BulkInvitationRows.Where(r => r.JobId == second.Id && r.RowNumber == row)
                    .ExecuteUpdateAsync(s => s.SetProperty(r => r.Email, invitation.Email));
            }
        }

        await _side.Worker.Bus.Publish(TestJobBuilder.Submitted(second));
        await JobWatch.UntilFinalAsync(second.Id);

        await using var read = TestRun.Infrastructure.CreateDbContext();
        var rows = await read.BulkInvitationRows.Where(r => r.JobId == second.Id).OrderBy(r => r.RowNumber).ToListAsync();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(rows.Select(r => r.Status), Is.EqualTo(new[] { RowStatus.Succeeded, RowStatus.Succeeded, RowStatus.Failed }));
            Assert.That(rows[2].ErrorCode, Is.EqualTo("dealer-exists"));
            Assert.That(await JobWatch.StatusAsync(second.Id), Is.EqualTo(BulkJobStatus.PartialSuccess));
        }
    }

    private Invitations.Worker.DealerInvitations.InvitationExpirySweep Sweep(int batch) =>
        Microsoft.Extensions.DependencyInjection.ActivatorUtilities.CreateInstance<Invitations.Worker.DealerInvitations.InvitationExpirySweep>(
            _side.Worker.Services,
            Microsoft.Extensions.Options.Options.Create(new Invitations.Worker.DealerInvitations.ExpirySweepOptions { ExpirySweepBatchSize = batch }));
}
