using System.Net;
using System.Net.Http.Headers;
using Invitations.Testing.Logging;

namespace Invitations.Worker.Tests.DealerInvitations;

public sealed class When_a_link_is_unknown_expired_or_declined
{
    private DealerSide _side = null!;

    [OneTimeSetUp]
    public async Task StartAsync() => _side = await DealerSide.StartAsync();

    [OneTimeTearDown]
    public async Task StopAsync() => await _side.DisposeAsync();

    [Test]
    public async Task Should_serve_the_page_with_404_410_409_or_200_and_say_why_in_the_callers_language()
    {
        var job = await _side.RunJobAsync(rows: 3);
        var invitations = await DealerSide.InvitationsAsync(job.Id);
        await DealerSide.ExpireAsync([invitations[0].Id]);
        (await _side.DeclineAsync(invitations[1].Token)).Dispose();
        var unknown = "A" + invitations[2].Token[1..] == invitations[2].Token ? "B" + invitations[2].Token[1..] : "A" + invitations[2].Token[1..];

        using var pageUnknown = await _side.Http.GetAsync($"/invitations/{unknown}");
        using var pageExpired = await _side.Http.GetAsync($"/invitations/{invitations[0].Token}");
        using var pageDeclined = await _side.Http.GetAsync($"/invitations/{invitations[1].Token}");
        using var pageOpen = await _side.Http.GetAsync($"/invitations/{invitations[2].Token}");
        using var turkish = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/invitations/{invitations[0].Token}");
        turkish.Headers.AcceptLanguage.Add(new StringWithQualityHeaderValue("tr-TR"));
        using var viewExpired = await _side.Http.SendAsync(turkish);
        using var viewUnknown = await _side.Http.GetAsync($"/api/v1/invitations/{unknown}");
        using var garbage = await _side.Http.PostAsync("/api/v1/invitations/..%2F..%2Fetc/accept", null);
        var open = await DealerSide.BodyAsync(await _side.Http.GetAsync($"/api/v1/invitations/{invitations[2].Token}"));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(pageUnknown.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
            Assert.That(pageExpired.StatusCode, Is.EqualTo(HttpStatusCode.Gone));
            Assert.That(pageDeclined.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
            Assert.That(pageOpen.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(pageOpen.Content.Headers.ContentType?.MediaType, Is.EqualTo("text/html"));
            Assert.That(viewExpired.StatusCode, Is.EqualTo(HttpStatusCode.Gone));
            Assert.That((await DealerSide.BodyAsync(viewExpired)).GetProperty("title").GetString(), Is.EqualTo("Davetin süresi doldu"));
            Assert.That(viewUnknown.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
            Assert.That(await viewUnknown.Content.ReadAsStringAsync(), Does.Not.Contain(invitations[2].DealerName));
            Assert.That(garbage.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
            Assert.That(open.GetProperty("dealerName").GetString(), Is.EqualTo(invitations[2].DealerName));
            Assert.That(open.GetProperty("codeCount").GetInt32(), Is.EqualTo(2));
            Assert.That(open.GetProperty("codes").GetArrayLength(), Is.Zero, "codes are shown once accepted");
            Assert.That(open.ToString(), Does.Not.Contain(invitations[2].Email).And.Not.Contain(invitations[2].Phone));

            // Our own log lines name an answered invitation by its token's first characters only.
            var ours = CapturedLogs.Lines.Where(l => l.Split(' ').ElementAtOrDefault(1)?.StartsWith("Invitations", StringComparison.Ordinal) == true).ToList();
            Assert.That(ours, Has.Some.Contains($"Invitation {invitations[1].Token[..4]}***"));
            Assert.That(ours.Where(l => invitations.Any(i => l.Contains(i.Token, StringComparison.Ordinal))), Is.Empty);
        }
    }
}
