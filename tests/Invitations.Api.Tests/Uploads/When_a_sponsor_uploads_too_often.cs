using System.Net;
using Invitations.Testing;

namespace Invitations.Api.Tests.Uploads;

public sealed class When_a_sponsor_uploads_too_often
{
    [Test]
    public async Task Should_answer_429_with_a_problem_for_that_sponsor_only()
    {
        await using var api = new ApiFactory(TestRun.Infrastructure, new Dictionary<string, string?>
        {
            ["Uploads:RateLimitPermits"] = "2",
            ["Uploads:RateLimitWindow"] = "00:10:00",
        });
        using var busy = api.CreateSponsorClient(TestIds.NewSponsorId());
        using var other = api.CreateSponsorClient(TestIds.NewSponsorId());
        var file = DealerFiles.Csv("not a dealer file");

        for (var i = 0; i < 2; i++)
        {
            using var allowed = await Upload.PostAsync(busy, file, "x.csv");
            Assert.That(allowed.StatusCode, Is.Not.EqualTo(HttpStatusCode.TooManyRequests));
        }

        using var limited = await Upload.PostAsync(busy, file, "x.csv", language: "tr");
        using var otherSponsor = await Upload.PostAsync(other, file, "x.csv");
        var body = await Upload.JsonAsync(limited);

        Assert.That(limited.StatusCode, Is.EqualTo(HttpStatusCode.TooManyRequests));
        Assert.That(body.GetProperty("title").GetString(), Is.EqualTo("Çok fazla yükleme"));
        Assert.That(otherSponsor.StatusCode, Is.Not.EqualTo(HttpStatusCode.TooManyRequests));
    }
}
