using System.Net;
using System.Text.RegularExpressions;

namespace Invitations.Api.Tests.Dashboard;

public sealed partial class When_the_pages_are_served
{
    [TestCase("/", "Toplu bayi daveti")]
    [TestCase("/support", "Destek konsolu")]
    public async Task Should_serve_the_page_in_Turkish_with_nothing_from_another_host(string path, string title)
    {
        using var client = TestRun.Api.CreateClient();

        using var response = await client.GetAsync(path);
        var html = await response.Content.ReadAsStringAsync();

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("text/html"));
        Assert.That(html, Does.Contain("<html lang=\"tr\">"));
        Assert.That(html, Does.Contain($"<title>{title}</title>"));
        Assert.That(ExternalReference().IsMatch(html), Is.False, "no CDN or external font");
    }

    [TestCase("/lib/signalr/signalr.min.js")]
    [TestCase("/js/dashboard.js")]
    [TestCase("/js/support.js")]
    [TestCase("/css/app.css")]
    public async Task Should_serve_the_scripts_and_styles_the_pages_use(string path)
    {
        using var client = TestRun.Api.CreateClient();

        using var response = await client.GetAsync(path);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [GeneratedRegex("""(src|href)\s*=\s*["']?(https?:)?//""", RegexOptions.IgnoreCase)]
    private static partial Regex ExternalReference();
}
