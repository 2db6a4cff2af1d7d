using System.Net;
using System.Net.Http.Json;
using Invitations.Testing;

namespace Invitations.Api.Tests.Codes;

public sealed class When_support_issues_codes
{
    [Test]
    public async Task Should_issue_unique_codes_and_report_what_is_available()
    {
        var sponsorId = TestIds.NewSponsorId();
        using var support = TestRun.Api.CreateSupportClient();

        using var first = await support.PostAsJsonAsync($"/api/v1/support/sponsors/{sponsorId}/codes", new { tier = "xl", count = 25 });
        using var second = await support.PostAsJsonAsync($"/api/v1/support/sponsors/{sponsorId}/codes", new { tier = "XL", count = 5 });
        var body = await second.Content.ReadFromJsonAsync<IssueBody>();

        Assert.That(first.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(body, Is.EqualTo(new IssueBody("XL", 5, 30)));
    }

    [Test]
    public async Task Should_refuse_a_sponsor_and_a_bad_request()
    {
        var sponsorId = TestIds.NewSponsorId();
        using var sponsor = TestRun.Api.CreateSponsorClient(sponsorId);
        using var support = TestRun.Api.CreateSupportClient();

        using var forbidden = await sponsor.PostAsJsonAsync($"/api/v1/support/sponsors/{sponsorId}/codes", new { tier = "S", count = 5 });
        using var invalid = await support.PostAsJsonAsync($"/api/v1/support/sponsors/{sponsorId}/codes", new { tier = "XXL", count = 0 });

        Assert.That(forbidden.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(invalid.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(await invalid.Content.ReadAsStringAsync(), Does.Contain("tier").And.Contain("count"));
    }

    private sealed record IssueBody(string Tier, int Issued, int Available);
}
