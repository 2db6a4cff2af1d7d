using System.Net;
using System.Text;
using System.Text.Json;
using ClosedXML.Excel;
using Invitations.Contracts.BulkInvitations;
using Invitations.Testing;
using Microsoft.EntityFrameworkCore;

namespace Invitations.Api.Tests.Uploads;

/// <summary>Each hostile file gets a clear ProblemDetails 4xx and leaves no job and no reserved code behind.</summary>
public sealed class When_a_hostile_file_is_uploaded
{
    [Test]
    public async Task Should_read_CSV_renamed_to_xlsx_as_CSV_by_its_bytes()
    {
        var csv = DealerFiles.Csv("Email;Phone;DealerName;Tier\nnot-an-email;0532 111 22 33;Bayi;M\n");

        var (status, body, stored) = await PostAsync(csv, "bayiler.xlsx");

        Assert.That(status, Is.EqualTo(HttpStatusCode.BadRequest), body.ToString());
        var error = body.GetProperty("errors").EnumerateArray().Single();
        Assert.That((error.GetProperty("row").GetInt32(), error.GetProperty("column").GetString()), Is.EqualTo((2, "Email")));
        Assert.That(stored, Is.False);
    }

    [Test]
    public async Task Should_answer_415_for_random_bytes()
    {
        var bytes = new byte[64 * 1024];
        new Random(11).NextBytes(bytes);

        var (status, body, stored) = await PostAsync(bytes, "bayiler.xlsx");

        Assert.That(status, Is.EqualTo(HttpStatusCode.UnsupportedMediaType), body.ToString());
        Assert.That(body.GetProperty("detail").GetString(), Does.Contain(".xlsx"));
        Assert.That(stored, Is.False);
    }

    [Test]
    public async Task Should_answer_4xx_for_an_empty_file()
    {
        var (status, body, stored) = await PostAsync([], "bayiler.xlsx");

        Assert.That((int)status, Is.InRange(400, 499), body.ToString());
        Assert.That(body.GetProperty("detail").GetString(), Is.Not.Empty);
        Assert.That(stored, Is.False);
    }

    [Test]
    public async Task Should_answer_400_for_a_header_only_xlsx()
    {
        var (status, body, stored) = await PostAsync(DealerFiles.Xlsx(DealerFiles.EnglishHeader), "bayiler.xlsx");

        Assert.That(status, Is.EqualTo(HttpStatusCode.BadRequest), body.ToString());
        Assert.That(body.GetProperty("detail").GetString(), Does.Contain("no dealer rows"));
        Assert.That(stored, Is.False);
    }

    [Test]
    public async Task Should_answer_400_for_a_header_only_csv()
    {
        var (status, body, stored) = await PostAsync(DealerFiles.Csv("Email;Phone;DealerName;CodeCount;Tier\n"), "bayiler.csv");

        Assert.That(status, Is.EqualTo(HttpStatusCode.BadRequest), body.ToString());
        Assert.That(body.GetProperty("detail").GetString(), Does.Contain("no dealer rows"));
        Assert.That(stored, Is.False);
    }

    [Test]
    public async Task Should_answer_400_for_2001_rows_of_csv()
    {
        var csv = new StringBuilder("Email;Phone;DealerName;CodeCount;Tier\n");
        for (var i = 0; i < 2_001; i++)
        {
            csv.Append(DealerFiles.Email("rows", i)).Append(';').Append(DealerFiles.Phone(i)).Append(";Bayi;1;M\n");
        }

        var (status, body, stored) = await PostAsync(DealerFiles.Csv(csv.ToString()), "bayiler.csv");

        Assert.That(status, Is.EqualTo(HttpStatusCode.BadRequest), body.ToString());
        Assert.That(body.GetProperty("detail").GetString(), Does.Contain("2000"));
        Assert.That(stored, Is.False);
    }

    [Test]
    public async Task Should_answer_413_for_one_byte_over_5_MB()
    {
        var (status, body, stored) = await PostAsync(new byte[(5 * 1024 * 1024) + 1], "bayiler.xlsx");

        Assert.That(status, Is.EqualTo(HttpStatusCode.RequestEntityTooLarge), body.ToString());
        Assert.That(body.GetProperty("detail").GetString(), Does.Contain("5242880"));
        Assert.That(stored, Is.False);
    }

    [Test]
    public async Task Should_report_a_1_MB_cell_by_row_and_column_without_echoing_it()
    {
        var csv = DealerFiles.Csv($"Email;Phone;DealerName;Tier\na@ornek.com;05321112233;{new string('x', 1024 * 1024)};M\n");

        var (status, body, stored) = await PostAsync(csv, "bayiler.csv");

        Assert.That(status, Is.EqualTo(HttpStatusCode.BadRequest));
        var error = body.GetProperty("errors").EnumerateArray().Single();
        Assert.That((error.GetProperty("row").GetInt32(), error.GetProperty("column").GetString()), Is.EqualTo((2, "DealerName")));
        Assert.That(body.ToString(), Has.Length.LessThan(2_000));
        Assert.That(stored, Is.False);
    }

    [TestCase("=HYPERLINK(\"http://x\")")]
    [TestCase("+90 kampanya")]
    [TestCase("-1+1")]
    [TestCase("@SUM(A1)")]
    public async Task Should_neutralise_a_formula_like_name_in_the_validation_report(string name)
    {
        var sponsorId = TestIds.NewSponsorId();
        var file = DealerFiles.Xlsx(DealerFiles.EnglishHeader, ["bozuk-eposta", "0532 111 22 33", name, 1, "M"]);
        using var client = TestRun.Api.CreateSponsorClient(sponsorId);

        using var response = await Upload.PostAsync(client, file, route: Upload.Route + "/validation-report");
        using var workbook = new XLWorkbook(await response.Content.ReadAsStreamAsync());
        var cell = workbook.Worksheets.First().Cell(2, 3);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(cell.HasFormula, Is.False);
        Assert.That(cell.GetString(), Is.EqualTo("'" + name));
        Assert.That(await StoredAnythingAsync(sponsorId), Is.False);
    }

    private static async Task<(HttpStatusCode Status, JsonElement Body, bool Stored)> PostAsync(byte[] file, string fileName)
    {
        var sponsorId = TestIds.NewSponsorId();
        await Upload.GiveCodesAsync(sponsorId, PackageTier.M, 5);
        using var client = TestRun.Api.CreateSponsorClient(sponsorId);

        using var response = await Upload.PostAsync(client, file, fileName);
        var text = await response.Content.ReadAsStringAsync();

        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"), text);
        return (response.StatusCode, JsonDocument.Parse(text).RootElement.Clone(), await StoredAnythingAsync(sponsorId));
    }

    private static async Task<bool> StoredAnythingAsync(long sponsorId)
    {
        await using var db = TestRun.Infrastructure.CreateDbContext();
        return await db.BulkInvitationJobs.AnyAsync(j => j.SponsorId == sponsorId)
            || await db.SponsorshipCodes.AnyAsync(c => c.SponsorId == sponsorId && c.ReservedByJobId != null);
    }
}
