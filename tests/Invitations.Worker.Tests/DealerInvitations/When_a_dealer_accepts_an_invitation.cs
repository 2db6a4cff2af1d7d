using System.Net;
using Invitations.Data.Persistence.Entities;
using Invitations.Testing.BulkJobs;
using Microsoft.EntityFrameworkCore;

namespace Invitations.Worker.Tests.DealerInvitations;

public sealed class When_a_dealer_accepts_an_invitation
{
    private DealerSide _side = null!;

    [OneTimeSetUp]
    public async Task StartAsync() => _side = await DealerSide.StartAsync();

    [OneTimeTearDown]
    public async Task StopAsync() => await _side.DisposeAsync();

    [Test]
    public async Task Should_answer_the_dealer_tier_and_codes_and_make_the_codes_the_dealers()
    {
        var job = await _side.RunJobAsync(rows: 2, codesPerRow: 3);
        var invitation = (await DealerSide.InvitationsAsync(job.Id))[0];

        using var response = await _side.AcceptAsync(invitation.Token);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var body = await DealerSide.BodyAsync(response);
        var dealerId = body.GetProperty("dealerId").GetGuid();
        var codes = body.GetProperty("codes").EnumerateArray().Select(c => c.GetString()).ToList();
        await using var db = TestRun.Infrastructure.CreateDbContext();
        var dealer = await db.Dealers.SingleAsync(d => d.Id == dealerId);
        var stored = await db.SponsorshipCodes.Where(c => c.InvitationId == invitation.Id).ToListAsync();
        var after = await db.DealerInvitations.SingleAsync(i => i.Id == invitation.Id);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(body.GetProperty("status").GetString(), Is.EqualTo("Accepted"));
            Assert.That(body.GetProperty("tier").GetString(), Is.EqualTo("S"));
            Assert.That(codes, Is.EquivalentTo(stored.Select(c => c.Code)));
            Assert.That(codes, Has.Count.EqualTo(3));
            Assert.That(stored.Select(c => c.DealerId), Is.All.EqualTo(dealerId));
            Assert.That((dealer.Email, dealer.SponsorId), Is.EqualTo((invitation.Email, job.SponsorId)));
            Assert.That((after.Status, after.DealerId), Is.EqualTo((InvitationStatus.Accepted, (Guid?)dealerId)));
        }
    }

    [Test]
    public async Task Should_answer_the_same_when_accepted_again()
    {
        var job = await _side.RunJobAsync(rows: 1);
        var token = (await DealerSide.InvitationsAsync(job.Id))[0].Token;

        using var first = await _side.AcceptAsync(token);
        using var second = await _side.AcceptAsync(token);

        Assert.That(second.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((await DealerSide.BodyAsync(second)).ToString(), Is.EqualTo((await DealerSide.BodyAsync(first)).ToString()));
    }

    [Test]
    public async Task Should_make_one_dealer_when_accepts_come_at_once()
    {
        var job = await _side.RunJobAsync(rows: 6);
        var invitations = await DealerSide.InvitationsAsync(job.Id);

        // Four accepts of every invitation, all in flight together.
        var answers = await Task.WhenAll(invitations.SelectMany(i => Enumerable.Range(0, 4).Select(async _ =>
        {
            using var response = await _side.AcceptAsync(i.Token);
            return (i.Id, response.StatusCode, DealerId: response.IsSuccessStatusCode ? (await DealerSide.BodyAsync(response)).GetProperty("dealerId").GetGuid() : Guid.Empty);
        })));

        await using var db = TestRun.Infrastructure.CreateDbContext();
        var emails = invitations.Select(i => i.Email).ToList();
        var dealers = await db.Dealers.Where(d => d.SponsorId == job.SponsorId && emails.Contains(d.Email)).ToListAsync();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(answers.Select(a => a.StatusCode), Is.All.EqualTo(HttpStatusCode.OK));
            Assert.That(dealers, Has.Count.EqualTo(invitations.Count));
            Assert.That(answers.GroupBy(a => a.Id).Select(g => g.Select(a => a.DealerId).Distinct().Count()), Is.All.EqualTo(1));
            Assert.That(answers.Select(a => a.DealerId).Distinct(), Is.EquivalentTo(dealers.Select(d => d.Id)));
        }
    }

    [Test]
    public async Task Should_show_an_auto_created_account_as_ready_with_its_codes()
    {
        var job = await _side.RunJobAsync(rows: 1, codesPerRow: 2, autoCreate: true);
        var invitation = (await DealerSide.InvitationsAsync(job.Id))[0];

        using var view = await _side.Http.GetAsync($"/api/v1/invitations/{invitation.Token}");
        using var accept = await _side.AcceptAsync(invitation.Token);

        var viewed = await DealerSide.BodyAsync(view);
        var accepted = await DealerSide.BodyAsync(accept);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(viewed.GetProperty("status").GetString(), Is.EqualTo("Accepted"));
            Assert.That(viewed.GetProperty("type").GetString(), Is.EqualTo("AutoCreate"));
            Assert.That(viewed.GetProperty("codes").GetArrayLength(), Is.EqualTo(2));
            Assert.That(accept.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(accepted.GetProperty("dealerId").GetGuid(), Is.EqualTo(invitation.DealerId));
        }
    }
}
