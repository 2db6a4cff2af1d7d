using System.IO.Compression;
using System.Net;
using System.Text;
using System.Text.Json;
using ClosedXML.Excel;
using Invitations.Api.Uploads.Validation;
using Invitations.Testing;

namespace Invitations.Api.Tests.Uploads;

/// <summary>The corpus files that sponsors really send (every writer's), each uploaded as a dry run.</summary>
[SetCulture("tr-TR")]
public sealed class When_a_real_sponsors_file_is_read
{
    [TestCase("2,00", 2)]
    [TestCase("2.0", 2)]
    [TestCase(" 3 ", 3)]
    [TestCase("2,5", null)]
    [TestCase("1.000", null)]
    [TestCase("1,000", null)]
    [TestCase("2,000.00", null)]
    [TestCase("+3", null)]
    public void Should_read_a_decimal_comma_count_as_itself_and_never_a_hundred_times_it(string written, int? count) =>
        Assert.That(DealerFields.ParseCount(written, 1_000), Is.EqualTo(count));

    [Test]
    public async Task Should_reserve_2_codes_for_a_CSV_count_of_2_comma_00()
    {
        var csv = DealerFiles.Csv("E-posta;Telefon;Bayi Adı;Kod Adedi;Paket\n" + Dealer(1) + ";Bayi;2,00;M\n");

        var report = await DryRunAsync(csv, "bayiler.csv", ("useRowSpecificCounts", "true"));

        Assert.That(report.GetProperty("validRows").GetInt32(), Is.EqualTo(1), report.ToString());
        Assert.That(report.GetProperty("codes")[0].GetProperty("required").GetInt32(), Is.EqualTo(2));
    }

    [Test]
    public async Task Should_see_SIPARIS_with_a_dotted_capital_I_and_siparis_as_one_address()
    {
        var csv = DealerFiles.Csv("E-posta;Telefon;Bayi Adı;Paket\nSİPARİS@ornek.com;05321110001;A;M\nsiparis@ornek.com;05321110002;B;M\n");

        var report = await DryRunAsync(csv, "bayiler.csv");

        Assert.That(Errors(report), Is.EquivalentTo(new[] { (2, "Email"), (3, "Email") }), report.ToString());
        Assert.That(DealerFields.NormalizeEmail("SİPARİS@ornek.com"), Is.EqualTo("siparis@ornek.com"));
        Assert.That(DealerFields.NormalizeEmail("sıparıs@ornek.com"), Is.EqualTo("siparis@ornek.com"));
    }

    [Test]
    public async Task Should_read_the_first_visible_sheet_with_a_header_past_a_hidden_list_and_a_notes_sheet()
    {
        using var workbook = new XLWorkbook();
        var lists = workbook.AddWorksheet("Listeler");
        lists.Cell(1, 1).Value = "S";
        lists.Cell(2, 1).Value = "M";
        lists.Visibility = XLWorksheetVisibility.Hidden;
        var notes = workbook.AddWorksheet("Notlar");
        notes.Cell(1, 1).Value = "Bu dosyayı doldurun; telefonlar 05xx ile başlar.";
        notes.Cell(2, 1).Value = "Her satır bir bayidir.";
        Fill(workbook.AddWorksheet("Bayiler"), 1, DealerFiles.EnglishHeader, ["a@ornek.com", "05321110001", "A", 1, "M"]);

        var report = await DryRunAsync(Save(workbook), "bayiler.xlsx");

        Assert.That((report.GetProperty("rows").GetInt32(), report.GetProperty("validRows").GetInt32()), Is.EqualTo((1, 1)), report.ToString());
    }

    [Test]
    public async Task Should_find_the_header_below_a_title_and_a_blank_row_and_keep_the_sheets_row_numbers()
    {
        using var workbook = new XLWorkbook();
        var sheet = workbook.AddWorksheet("Bayiler");
        sheet.Cell(1, 1).Value = "Bayi Listesi — Kasım 2026";
        Fill(sheet, 3, ["Sıra No", "E-posta", "Telefon", "Bayi Adı", "Paket"], [1, "a@ornek.com", "05321110001", "A", "M"], [2, "bozuk", "05321110002", "B", "M"]);
        for (var r = 6; r <= 45; r++)
        {
            sheet.Cell(r, 1).Value = r - 3;
        }

        var report = await DryRunAsync(Save(workbook), "bayiler.xlsx");

        Assert.That(report.GetProperty("rows").GetInt32(), Is.EqualTo(2), report.ToString());
        Assert.That(Errors(report), Is.EqualTo(new[] { (5, "Email") }));
    }

    [Test]
    public async Task Should_honour_and_skip_Excels_sep_line_in_a_CSV()
    {
        var csv = DealerFiles.Csv("sep=;\r\nE-posta;Telefon;Bayi Adı;Paket\r\n" + Dealer(1) + ";A;M\r\nbozuk;05321110002;B;M\r\n");

        var report = await DryRunAsync(csv, "bayiler.csv");

        Assert.That(report.GetProperty("rows").GetInt32(), Is.EqualTo(2), report.ToString());
        Assert.That(Errors(report), Is.EqualTo(new[] { (4, "Email") }));
    }

    [Test]
    public void Should_read_a_Windows_1254_CSV_with_its_Turkish_letters()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var csv = Encoding.GetEncoding(1254).GetBytes("E-posta;Telefon;Bayi Adı;Paket\r\na@ornek.com;05321110001;Çiftçi Şükrü İşletmesi Ğığ;M\r\n");

        var rows = Parse.Csv(csv).Rows;

        Assert.That(rows[0].Cells[2], Is.EqualTo("Bayi Adı"));
        Assert.That(rows[1].Cells[2], Is.EqualTo("Çiftçi Şükrü İşletmesi Ğığ"));
    }

    [Test]
    public async Task Should_answer_415_for_an_ods_naming_the_format_and_saying_save_as_xlsx()
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            await using var mimetype = new StreamWriter(zip.CreateEntry("mimetype", CompressionLevel.NoCompression).Open());
            await mimetype.WriteAsync("application/vnd.oasis.opendocument.spreadsheet");
        }

        var (status, body) = await PostAsync(stream.ToArray(), "bayiler.ods");

        Assert.That(status, Is.EqualTo(HttpStatusCode.UnsupportedMediaType), body.ToString());
        Assert.That(body.GetProperty("detail").GetString(), Does.Contain(".ods").And.Contain("save the file as .xlsx"));
    }

    [Test]
    public async Task Should_say_a_password_protected_workbook_is_password_protected()
    {
        // Office writes an encrypted .xlsx as a compound document whose directory names an EncryptionInfo stream.
        byte[] encrypted = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, .. new byte[504], .. Encoding.Unicode.GetBytes("EncryptionInfo"), .. new byte[512]];

        var (status, body) = await PostAsync(encrypted, "bayiler.xlsx");

        Assert.That(status, Is.EqualTo(HttpStatusCode.UnsupportedMediaType), body.ToString());
        Assert.That(body.GetProperty("title").GetString(), Is.EqualTo("The file is password-protected"));
    }

    private static string Dealer(int i) => $"d{i}@ornek.com;0532111{i:0000}";

    private static void Fill(IXLWorksheet sheet, int firstRow, params object?[][] rows)
    {
        for (var r = 0; r < rows.Length; r++)
        {
            for (var c = 0; c < rows[r].Length; c++)
            {
                sheet.Cell(firstRow + r, c + 1).Value = rows[r][c] switch { int n => n, var v => v?.ToString() };
            }
        }
    }

    private static byte[] Save(XLWorkbook workbook)
    {
        using var stream = new MemoryStream();
        workbook.SaveAs(stream);
        return stream.ToArray();
    }

    private static IEnumerable<(int, string?)> Errors(JsonElement report) =>
        report.GetProperty("errors").EnumerateArray().Select(e => (e.GetProperty("row").GetInt32(), e.GetProperty("column").GetString()));

    private static async Task<JsonElement> DryRunAsync(byte[] file, string fileName, params (string Name, string Value)[] fields)
    {
        var (status, body) = await PostAsync(file, fileName, fields);
        Assert.That(status, Is.EqualTo(HttpStatusCode.OK), body.ToString());
        return body;
    }

    private static async Task<(HttpStatusCode Status, JsonElement Body)> PostAsync(byte[] file, string fileName, params (string Name, string Value)[] fields)
    {
        using var client = TestRun.Api.CreateSponsorClient(TestIds.NewSponsorId());
        var form = fields.ToDictionary(f => f.Name, f => f.Value);
        form["dryRun"] = "true";
        form.TryAdd("defaultTier", "M");
        using var response = await Upload.PostAsync(client, file, fileName, form);
        return (response.StatusCode, await Upload.JsonAsync(response));
    }
}
