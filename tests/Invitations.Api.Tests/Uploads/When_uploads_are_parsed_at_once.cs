using System.Net;
using Invitations.Api.Uploads.Files;
using Invitations.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Invitations.Api.Tests.Uploads;

/// <summary>A process parses a bounded number of uploads at once, each within its time budget.</summary>
public sealed class When_uploads_are_parsed_at_once
{
    private static readonly Dictionary<string, string> DryRun = new() { ["dryRun"] = "true" };

    [Test]
    public async Task Should_answer_503_with_Retry_After_while_every_parse_slot_is_taken_and_read_again_once_one_is_free()
    {
        await using var api = new ApiFactory(TestRun.Infrastructure, new Dictionary<string, string?>
        {
            ["Uploads:MaxConcurrentParses"] = "1",
            ["Uploads:ParseTimeout"] = "00:00:00.300",
        });
        using var client = api.CreateSponsorClient(TestIds.NewSponsorId());
        var file = DealerFiles.Xlsx(DealerFiles.Dealers(3));
        var gate = api.Services.GetRequiredService<ParseGate>();

        HttpResponseMessage busy;
        using (await gate.EnterAsync(CancellationToken.None))
        {
            busy = await Upload.PostAsync(client, file, fields: DryRun, language: "tr");
        }

        using var free = await Upload.PostAsync(client, file, fields: DryRun);
        var body = await Upload.JsonAsync(busy);

        Assert.That(busy.StatusCode, Is.EqualTo(HttpStatusCode.ServiceUnavailable), body.ToString());
        Assert.That(busy.Headers.RetryAfter?.Delta, Is.EqualTo(TimeSpan.FromSeconds(1)));
        Assert.That(body.GetProperty("title").GetString(), Is.EqualTo("Şu anda çok sayıda dosya okunuyor"));
        Assert.That(free.StatusCode, Is.EqualTo(HttpStatusCode.OK), await free.Content.ReadAsStringAsync());
        busy.Dispose();
    }

    [Test]
    public async Task Should_refuse_a_file_that_takes_longer_than_the_parse_budget()
    {
        await using var api = new ApiFactory(TestRun.Infrastructure, new Dictionary<string, string?>
        {
            ["Uploads:ParseTimeout"] = "00:00:00.001",
        });
        using var client = api.CreateSponsorClient(TestIds.NewSponsorId());

        using var response = await Upload.PostAsync(client, DealerFiles.Xlsx(DealerFiles.Dealers(2_000)), fields: DryRun);
        var body = await Upload.JsonAsync(response);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest), body.ToString());
        Assert.That(body.GetProperty("detail").GetString(), Does.Contain("could not be read within 0.001 seconds"));
    }
}
