using System.Net;

namespace Invitations.Worker.Tests.DealerInvitations;

public sealed class When_someone_tries_many_tokens
{
    private DealerSide _side = null!;

    [OneTimeSetUp]
    public async Task StartAsync() => _side = await DealerSide.StartAsync(new Dictionary<string, string?>
    {
        ["DealerInvitations:RateLimitPermits"] = "5",
        ["DealerInvitations:RateLimitWindow"] = "00:10:00",
    });

    [OneTimeTearDown]
    public async Task StopAsync() => await _side.DisposeAsync();

    [Test]
    public async Task Should_answer_429_with_retry_after_once_the_address_used_its_budget()
    {
        var answers = new List<HttpStatusCode>();
        HttpResponseMessage? last = null;
        for (var i = 0; i < 7; i++)
        {
            last?.Dispose();
            last = await _side.AcceptAsync($"guess{i}abcdefghijklmnopqrstuvwxyz0123456789");
            answers.Add(last.StatusCode);
        }

        using (Assert.EnterMultipleScope())
        {
            Assert.That(answers.Take(5), Is.All.EqualTo(HttpStatusCode.NotFound));
            Assert.That(answers.Skip(5), Is.All.EqualTo(HttpStatusCode.TooManyRequests));
            Assert.That(last!.Headers.RetryAfter?.Delta, Is.Not.Null);
            Assert.That((await DealerSide.BodyAsync(last)).GetProperty("status").GetInt32(), Is.EqualTo(429));
        }

        last.Dispose();
    }
}
