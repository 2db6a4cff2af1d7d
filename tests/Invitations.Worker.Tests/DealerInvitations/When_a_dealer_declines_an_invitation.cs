using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Invitations.Api.Infrastructure;
using Invitations.Data.Persistence.Entities;
using Invitations.Testing.BulkJobs;
using Microsoft.EntityFrameworkCore;

namespace Invitations.Worker.Tests.DealerInvitations;

public sealed class When_a_dealer_declines_an_invitation
{
    private DealerSide _side = null!;

    [OneTimeSetUp]
    public async Task StartAsync() => _side = await DealerSide.StartAsync();

    [OneTimeTearDown]
    public async Task StopAsync() => await _side.DisposeAsync();

    [Test]
    public async Task Should_give_back_exactly_the_codes_not_accepted_and_count_each_status()
    {
        var job = await _side.RunJobAsync(rows: 6, codesPerRow: 2);
        var before = await DealerSide.CodesOfSponsorAsync(job.SponsorId);
        var invitations = await DealerSide.InvitationsAsync(job.Id);

        (await _side.AcceptAsync(invitations[0].Token)).Dispose();
        (await _side.AcceptAsync(invitations[1].Token)).Dispose();
        using var declined = await _side.DeclineAsync(invitations[2].Token);
        (await _side.DeclineAsync(invitations[3].Token)).Dispose();
        var afterDecline = await DealerSide.AvailableCodesAsync(job.SponsorId);
        await DealerSide.ExpireAsync([invitations[4].Id]);
        await _side.NewSweep().SweepAsync(CancellationToken.None);
        var afterExpiry = await DealerSide.AvailableCodesAsync(job.SponsorId);
        using var sponsor = _side.Api.CreateClient(job.SponsorId, Roles.Sponsor);
        var status = await sponsor.GetFromJsonAsync<JsonElement>($"/api/v1/bulk-invitations/{job.Id}");
        await using var db = TestRun.Infrastructure.CreateDbContext();
        var declinedCodes = await db.SponsorshipCodes.CountAsync(c => c.InvitationId == invitations[2].Id);

        var counts = status.GetProperty("invitations");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(declined.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That((await DealerSide.BodyAsync(declined)).GetProperty("status").GetString(), Is.EqualTo("Declined"));
            Assert.That(declinedCodes, Is.Zero);

            // Two codes per dealer: two accepted keep theirs, two pending still hold theirs after the declines.
            Assert.That(afterDecline, Is.EqualTo(before - (2 * 2) - (2 * 2)));
            Assert.That(afterExpiry, Is.EqualTo(before - (2 * 2) - (1 * 2)));
            Assert.That(counts.GetProperty("pending").GetInt32(), Is.EqualTo(1));
            Assert.That(counts.GetProperty("accepted").GetInt32(), Is.EqualTo(2));
            Assert.That(counts.GetProperty("declined").GetInt32(), Is.EqualTo(2));
            Assert.That(counts.GetProperty("expired").GetInt32(), Is.EqualTo(1));
        }
    }

    [Test]
    public async Task Should_refuse_to_accept_after_a_decline_and_to_decline_after_an_accept()
    {
        var job = await _side.RunJobAsync(rows: 2);
        var invitations = await DealerSide.InvitationsAsync(job.Id);
        (await _side.DeclineAsync(invitations[0].Token)).Dispose();
        (await _side.AcceptAsync(invitations[1].Token)).Dispose();

        using var acceptDeclined = await _side.AcceptAsync(invitations[0].Token);
        using var declineAgain = await _side.DeclineAsync(invitations[0].Token);
        using var declineAccepted = await _side.DeclineAsync(invitations[1].Token);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(acceptDeclined.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
            Assert.That((await DealerSide.BodyAsync(acceptDeclined)).GetProperty("code").GetString(), Is.EqualTo("declined"));
            Assert.That(declineAgain.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(declineAccepted.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
        }
    }

    [Test]
    public async Task Should_let_exactly_one_of_an_accept_and_a_decline_at_once_win()
    {
        var job = await _side.RunJobAsync(rows: 10, codesPerRow: 1);
        var before = await DealerSide.CodesOfSponsorAsync(job.SponsorId);
        var invitations = await DealerSide.InvitationsAsync(job.Id);

        var answers = await Task.WhenAll(invitations.Select(async i =>
        {
            var accept = _side.AcceptAsync(i.Token);
            var decline = _side.DeclineAsync(i.Token);
            using var accepted = await accept;
            using var declined = await decline;
            return (i.Id, Accepted: accepted.StatusCode, Declined: declined.StatusCode);
        }));

        await using var db = TestRun.Infrastructure.CreateDbContext();
        var ids = invitations.Select(i => i.Id).ToList();
        var final = await db.DealerInvitations.Where(i => ids.Contains(i.Id)).ToDictionaryAsync(i => i.Id, i => i.Status);
        var acceptedCount = answers.Count(a => a.Accepted == HttpStatusCode.OK);
        using (Assert.EnterMultipleScope())
        {
            foreach (var answer in answers)
            {
                var acceptWon = answer.Accepted == HttpStatusCode.OK;
                Assert.That((answer.Accepted, answer.Declined), Is.EqualTo(acceptWon ? (HttpStatusCode.OK, HttpStatusCode.Conflict) : (HttpStatusCode.Conflict, HttpStatusCode.OK)));
                Assert.That(final[answer.Id], Is.EqualTo(acceptWon ? InvitationStatus.Accepted : InvitationStatus.Declined));
            }

            Assert.That(await DealerSide.AvailableCodesAsync(job.SponsorId), Is.EqualTo(before - acceptedCount));
        }
    }
}
