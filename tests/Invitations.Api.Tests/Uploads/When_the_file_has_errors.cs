using System.Net;
using System.Text.Json;
using Invitations.Data.Persistence.Entities;
using Invitations.Testing;
using Microsoft.EntityFrameworkCore;

namespace Invitations.Api.Tests.Uploads;

public sealed class When_the_file_has_errors
{
    [Test]
    public async Task Should_answer_400_with_every_error_sorted_by_row_in_Turkish()
    {
        var sponsorId = TestIds.NewSponsorId();
        await using (var db = TestRun.Infrastructure.CreateDbContext())
        {
            db.Dealers.Add(new Dealer { Id = Guid.NewGuid(), SponsorId = sponsorId, Email = "mevcut@ornek.com", Phone = "+905329998877", Name = "Mevcut", CreatedAt = DateTimeOffset.UtcNow });
            await db.SaveChangesAsync();
        }

        var rows = new List<object?[]> { new object?[] { "Telefon", "E-posta", "Bayi Adı", "Paket" } };
        for (var i = 0; i < 12; i++)
        {
            rows.Add([DealerFiles.Phone(i), $"bozuk{i}-eposta", "Bayi", "M"]);
        }

        rows.Add(["0532 111 22 33", "AYNI@ornek.com", "Bayi A", "S"]);
        rows.Add(["0212 555 12 34", "ayni@ORNEK.com", "", "XXL"]);
        rows.Add(["+90 532 111 22 33", "MEVCUT@ornek.com", "Bayi B", "m"]);
        using var client = TestRun.Api.CreateSponsorClient(sponsorId);

        using var response = await Upload.PostAsync(client, DealerFiles.Xlsx([.. rows]), language: "tr-TR,tr;q=0.9,en;q=0.5");
        var body = await Upload.JsonAsync(response);
        var errors = body.GetProperty("errors").EnumerateArray().Select(Error).ToList();

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest), body.ToString());
        Assert.That(body.GetProperty("title").GetString(), Is.EqualTo("Dosyada hatalar var"));
        Assert.That(errors.Count(e => e.Message.Contains("geçerli bir e-posta", StringComparison.Ordinal)), Is.EqualTo(12), "every error, not the first ten");
        Assert.That(errors.Select(e => e.Row), Is.Ordered);
        Assert.That(errors, Does.Contain((14, "E-posta", "Bu e-posta dosyada 15. satırda da var.")));
        Assert.That(errors, Does.Contain((15, "E-posta", "Bu e-posta dosyada 14. satırda da var.")));
        Assert.That(errors, Does.Contain((14, "Telefon", "Bu telefon numarası dosyada 16. satırda da var.")));
        Assert.That(errors, Does.Contain((16, "Telefon", "Bu telefon numarası dosyada 14. satırda da var.")));
        Assert.That(errors, Does.Contain((15, "Telefon", "SMS gönderimi için cep telefonu numarası gerekir.")));
        Assert.That(errors, Does.Contain((15, "Bayi Adı", "Bayi adı zorunludur.")));
        Assert.That(errors.Any(e => e is { Row: 15, Column: "Paket" }), Is.True);
        Assert.That(errors, Does.Contain((16, "E-posta", "Bu e-posta zaten bir bayinize ya da bekleyen bir davetinize ait.")));
        await using var check = TestRun.Infrastructure.CreateDbContext();
        Assert.That(await check.BulkInvitationJobs.AnyAsync(j => j.SponsorId == sponsorId), Is.False);
    }

    [Test]
    public async Task Should_name_missing_columns_in_English_by_default()
    {
        using var client = TestRun.Api.CreateSponsorClient(TestIds.NewSponsorId());

        using var response = await Upload.PostAsync(client, DealerFiles.Csv("Email;Name\na@ornek.com;X\n"), "bayiler.csv");
        var errors = (await Upload.JsonAsync(response)).GetProperty("errors").EnumerateArray().Select(Error).ToList();

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(errors, Does.Contain((1, "Phone", "Column 'Phone' was not found.")));
        Assert.That(errors, Does.Contain((1, "DealerName", "Column 'DealerName' was not found.")));
        Assert.That(errors, Does.Contain((1, "Tier", "Column 'Tier' was not found.")));
    }

    [Test]
    public async Task Should_download_the_rows_with_their_errors_as_a_spreadsheet()
    {
        using var client = TestRun.Api.CreateSponsorClient(TestIds.NewSponsorId());
        var file = DealerFiles.Xlsx(DealerFiles.EnglishHeader, ["=cmd|' /C calc'!A0", "0532 111 22 33", "Bayi", 1, "S"], ["ok@ornek.com", "0532 111 22 34", "Bayi", 1, "S"]);

        using var response = await Upload.PostAsync(client, file, route: Upload.Route + "/validation-report");
        using var workbook = new ClosedXML.Excel.XLWorkbook(await response.Content.ReadAsStreamAsync());
        var sheet = workbook.Worksheets.First();

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(sheet.Cell(1, 6).GetString(), Is.EqualTo("Errors"));
        Assert.That(sheet.Cell(2, 1).GetString(), Does.StartWith("'="), "formulas are neutralized");
        Assert.That(sheet.Cell(2, 6).GetString(), Does.StartWith("Email: "));
        Assert.That(sheet.Cell(3, 6).GetString(), Is.Empty);
    }

    private static (int Row, string Column, string Message) Error(JsonElement e) =>
        (e.GetProperty("row").GetInt32(), e.GetProperty("column").GetString()!, e.GetProperty("message").GetString()!);
}
