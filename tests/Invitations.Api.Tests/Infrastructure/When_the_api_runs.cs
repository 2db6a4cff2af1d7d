using System.Net;
using System.Net.Http.Json;

namespace Invitations.Api.Tests.Infrastructure;

public sealed class When_the_api_runs
{
    [Test]
    public async Task Should_report_ready_when_PostgreSQL_and_RabbitMQ_answer()
    {
        using var client = TestRun.Api.CreateClient();

        using var ready = await client.GetAsync("/health/ready");
        using var live = await client.GetAsync("/health/live");

        Assert.That(ready.StatusCode, Is.EqualTo(HttpStatusCode.OK), await ready.Content.ReadAsStringAsync());
        Assert.That(live.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task Should_issue_a_dev_token_that_the_api_accepts()
    {
        using var client = TestRun.Api.CreateClient();

        using var response = await client.PostAsJsonAsync("/api/v1/dev/tokens", new { sponsorId = 42, role = "Sponsor" });
        var body = await response.Content.ReadFromJsonAsync<TokenBody>();

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(body?.Token, Is.Not.Null.And.Not.Empty);
    }

    [Test]
    public async Task Should_serve_its_OpenAPI_document()
    {
        using var client = TestRun.Api.CreateClient();

        using var response = await client.GetAsync("/openapi/v1.json");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain("\"openapi\""));
    }

    private sealed record TokenBody(string Token);
}
