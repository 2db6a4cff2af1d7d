using System.Diagnostics;
using System.Net;
using Invitations.Contracts.BulkInvitations;
using Invitations.Testing;

namespace Invitations.Api.Tests.Uploads;

/// <summary>
/// Excel Binary Workbooks (.xlsb) read by our own BIFF12 reader, as an .xlsx is read: the first visible sheet with a
/// header, numbers as their digits (phones stored as numbers, 3.0 as "3"), shared and inline strings, cached formula
/// values, the short cells that carry no column, blank rows left out, row numbers the sheet's own, columns past the ones we read skipped.
/// </summary>
public sealed class When_an_xlsb_is_read
{
    private static readonly string[] SharedStrings = ["E-posta", "Telefon", "M", "Listeler"];

    [Test]
    public void Should_read_the_first_visible_sheet_with_numbers_as_digits()
    {
        var rows = Parse.Xlsb(Workbook()).Rows;

        Assert.That(rows.Select(r => (r.RowNumber, string.Join('|', r.Cells))), Is.EqualTo(new[]
        {
            (1, "E-posta|Telefon|Bayi Adı|Kod Adedi|Paket"),
            (2, "d1@ornek.com|5321110001|Çiftçi Şükrü İşletmesi|3|M"),
            (4, "d3@ornek.com|905321110003|Öz Gıda|3|L"),
            (6, "d4@ornek.com|3|Ege Bayi|1.5|S|TRUE"),
        }));
    }

    [Test]
    public void Should_decode_RK_numbers()
    {
        var sheet = new XlsbSheet().Row(1)
            .Rk(1, (3u << 2) | 2)
            .Rk(2, 0x40080000)
            .Rk(3, (150u << 2) | 3)
            .Rk(4, unchecked((uint)(-7 << 2)) | 2)
            .Rk(5, 0x3FF00000 | 1);

        var cells = Parse.Xlsb(XlsbFiles.Create(sheet)).Rows.Single().Cells;

        Assert.That(cells, Is.EqualTo(new[] { "3", "3", "1.5", "-7", "0.01" }));
    }

    [Test]
    public void Should_give_dates_as_yyyy_MM_dd_and_other_numbers_as_they_are()
    {
        var sheet = new XlsbSheet().Row(1).Real(1, 46358, style: 1).Real(2, 46358, style: 2).Real(3, 46358, style: 3).Real(4, 46358);
        var file = XlsbFiles.Create([("Bayiler", false, sheet)], stylesPart: XlsbFiles.Styles("dd.mm.yyyy;@", 0, 14, 164, 4));

        var cells = Parse.Xlsb(file).Rows.Single().Cells;

        Assert.That(cells, Is.EqualTo(new[] { "2026-12-02", "2026-12-02", "46358", "46358" }));
    }

    [Test]
    public async Task Should_answer_an_upload_as_its_xlsx_twin()
    {
        var sponsorId = TestIds.NewSponsorId();
        await Upload.GiveCodesAsync(sponsorId, PackageTier.M, 10);
        using var client = TestRun.Api.CreateSponsorClient(sponsorId);

        using var response = await Upload.PostAsync(client, Workbook(), "bayiler.xlsb", new Dictionary<string, string> { ["dryRun"] = "true", ["useRowSpecificCounts"] = "true" }, language: "en");
        var body = await Upload.JsonAsync(response);

        Assert.That(response.StatusCode, Is.Not.EqualTo(HttpStatusCode.UnsupportedMediaType), body.ToString());
        Assert.That(body.GetProperty("rows").GetInt32(), Is.EqualTo(3), body.ToString());
    }

    [Test]
    public void Should_read_2000_dealers_within_the_parse_budget()
    {
        var strings = new List<string> { "Email", "Phone", "DealerName", "CodeCount", "Tier", "M" };
        var sheet = new XlsbSheet().Row(1).Shared(1, 0).Shared(2, 1).Shared(3, 2).Shared(4, 3).Shared(5, 4);
        for (var i = 0; i < 2_000; i++)
        {
            strings.Add(DealerFiles.Email("xlsb", i));
            sheet.Row(i + 2).Shared(1, (uint)strings.Count - 1).Real(2, 5_321_000_000d + i).Inline(3, $"Bayi {i} Tarım Ltd. Şti.").Rk(4, (1u << 2) | 2).Shared(5, 5);
        }

        var file = XlsbFiles.Create(sheet, strings);
        Parse.Xlsb(file);
        var clock = Stopwatch.StartNew();
        var rows = Parse.Xlsb(file).Rows;
        clock.Stop();

        TestContext.Out.WriteLine($"2,000-row .xlsb ({file.Length:N0} bytes): read in {clock.Elapsed.TotalMilliseconds:F1} ms");
        Assert.That(rows, Has.Count.EqualTo(2_001));
        Assert.That(rows[^1].Cells, Is.EqualTo(new[] { DealerFiles.Email("xlsb", 1_999), "5321001999", "Bayi 1999 Tarım Ltd. Şti.", "1", "M" }));
        Assert.That(clock.Elapsed, Is.LessThan(TimeSpan.FromSeconds(1)));
    }

    /// <summary>A hidden first sheet with a header of its own, then the dealers' sheet.</summary>
    internal static byte[] Workbook()
    {
        var hidden = new XlsbSheet().Row(1).Inline(1, "Email").Inline(2, "Phone").Row(2).Inline(1, "gizli@ornek.com").Inline(2, "05321110009");
        var dealers = new XlsbSheet()
            .Row(1).Shared(1, 0).Shared(2, 1).Inline(3, "Bayi Adı").Inline(4, "Kod Adedi").Inline(5, "Paket")
            .Row(2).Inline(1, "d1@ornek.com").ShortReal(5321110001).Inline(3, "Çiftçi Şükrü İşletmesi").Rk(4, (3u << 2) | 2).Shared(5, 2)
            .Row(4).Inline(1, "d3@ornek.com").Real(2, 905321110003).FormulaString(3, "Öz Gıda").Real(4, 3.0).Inline(5, "L")
            .Row(5).Blank(1).Blank(2).Inline(3, "   ")
            .Row(6).Inline(1, "d4@ornek.com").ShortRk(0x40080000).ShortInline("Ege Bayi").ShortRk((150u << 2) | 3).ShortInline("S").Bool(6, true).Inline(40, "past the columns we read");
        return XlsbFiles.Create([("Listeler", true, hidden), ("Bayiler", false, dealers)], SharedStrings);
    }
}
