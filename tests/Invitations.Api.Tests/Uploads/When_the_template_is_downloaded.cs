using System.Net;
using ClosedXML.Excel;
using Invitations.Contracts.BulkInvitations;
using Invitations.Testing;

namespace Invitations.Api.Tests.Uploads;

public sealed class When_the_template_is_downloaded
{
    [Test]
    public async Task Should_be_a_workbook_with_bilingual_headers_an_example_and_notes()
    {
        using var client = TestRun.Api.CreateSponsorClient(TestIds.NewSponsorId());

        using var response = await client.GetAsync(Upload.Route + "/template");
        using var workbook = new XLWorkbook(await response.Content.ReadAsStreamAsync());

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(workbook.Worksheets, Has.Count.EqualTo(2));
        var dealers = workbook.Worksheet(1);
        Assert.That(dealers.Row(1).CellsUsed().Select(c => c.GetString()), Is.EqualTo(new[]
        {
            "E-posta / Email", "Telefon / Phone", "Bayi Adı / Dealer Name", "Kod Adedi / Code Count", "Paket / Tier",
        }));
        Assert.That(dealers.Column(1).Width, Is.GreaterThan(20));
        Assert.That(workbook.Worksheet(2).CellsUsed().Count(), Is.GreaterThan(10));
    }

    [Test]
    public async Task Should_be_accepted_as_it_is_by_a_dry_run()
    {
        var sponsorId = TestIds.NewSponsorId();
        await Upload.GiveCodesAsync(sponsorId, PackageTier.M, 5);
        using var client = TestRun.Api.CreateSponsorClient(sponsorId);
        var template = await client.GetByteArrayAsync(Upload.Route + "/template");

        using var response = await Upload.PostAsync(client, template, "sablon.xlsx", new Dictionary<string, string>
        {
            ["dryRun"] = "true",
            ["useRowSpecificCounts"] = "true",
        });
        var body = await Upload.JsonAsync(response);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(body.GetProperty("validRows").GetInt32(), Is.EqualTo(1), body.ToString());
        Assert.That(body.GetProperty("codes")[0].GetProperty("required").GetInt32(), Is.EqualTo(5));
    }
}
