using System.Globalization;
using Invitations.Api.Uploads;
using Invitations.Api.Uploads.Parsing;

namespace Invitations.Api.Tests.Uploads;

[SetCulture("tr-TR")]
public sealed class When_a_spreadsheet_is_parsed
{
    [Test]
    public void Should_map_Turkish_headers_in_any_order_and_keep_the_sheets_row_numbers()
    {
        var file = DealerFiles.Xlsx(
            ["PAKET", "Bayi Adı", "KOD SAYISI", "e-posta", "TELEFON"],
            ["xl", "Çiftçi Şükrü İşletmesi", 3, "INFO@ORNEK.COM", "+90 532 111 22 33"],
            [],
            [null, "  ", null],
            ["S", "Ilıca Tarım", 1, "ilica@ornek.com", "05321112234"]);

        var mapped = SheetMapper.Map(Parse.Xlsx(file), new UploadRequestOptions { UseRowSpecificCounts = true });

        Assert.That(mapped.MissingColumns, Is.Empty);
        Assert.That(mapped.Rows.Select(r => r.RowNumber), Is.EqualTo(new[] { 2, 5 }));
        Assert.That(mapped.Rows[0], Has.Property("Email").EqualTo("INFO@ORNEK.COM")
            .And.Property("DealerName").EqualTo("Çiftçi Şükrü İşletmesi")
            .And.Property("Tier").EqualTo("xl")
            .And.Property("CodeCount").EqualTo("3"));
        Assert.That(mapped.Rows[1].Phone, Is.EqualTo("5321112234"), "a phone typed without spaces is a number to Excel");
    }

    [Test]
    public void Should_use_the_seed_order_when_the_first_row_is_not_a_header()
    {
        var file = DealerFiles.Xlsx(["a@ornek.com", "05321112233", "Bayi A", 2, "M"]);

        var mapped = SheetMapper.Map(Parse.Xlsx(file), new UploadRequestOptions());

        Assert.That(mapped.Header, Is.Null);
        Assert.That(mapped.Rows.Single(), Has.Property("RowNumber").EqualTo(1).And.Property("Email").EqualTo("a@ornek.com").And.Property("Tier").EqualTo("M"));
    }

    [Test]
    public void Should_read_the_cached_values_of_formulas()
    {
        using var workbook = new ClosedXML.Excel.XLWorkbook();
        var sheet = workbook.Worksheets.Add("Bayiler");
        sheet.Cell(1, 1).Value = "Email";
        sheet.Cell(1, 2).Value = "Phone";
        sheet.Cell(2, 1).FormulaA1 = "LOWER(\"FORMUL@ORNEK.COM\")";
        sheet.Cell(2, 2).FormulaA1 = "\"0532 111 22 \"&\"33\"";
        using var stream = new MemoryStream();
        workbook.SaveAs(stream, new ClosedXML.Excel.SaveOptions { EvaluateFormulasBeforeSaving = true });

        var row = SheetMapper.Map(Parse.Xlsx(stream.ToArray()), new UploadRequestOptions()).Rows.Single();

        Assert.That((row.Email, row.Phone), Is.EqualTo(("formul@ornek.com", "0532 111 22 33")));
    }

    [Test]
    public void Should_read_dates_numbers_and_booleans_as_their_invariant_text()
    {
        using var workbook = new ClosedXML.Excel.XLWorkbook();
        var sheet = workbook.Worksheets.Add("Bayiler");
        sheet.Cell(1, 1).Value = new DateTime(2026, 11, 28, 0, 0, 0, DateTimeKind.Unspecified);
        sheet.Cell(1, 2).Value = 2.5;
        sheet.Cell(1, 3).Value = true;
        sheet.Cell(1, 4).Value = 5321112233;
        sheet.Cell(1, 5).Value = "İnline";
        sheet.Cell(1, 5).Style.NumberFormat.Format = "0.00;[Red]-0.00";
        sheet.Cell(1, 40).Value = "past the columns we read";
        using var stream = new MemoryStream();
        workbook.SaveAs(stream);

        var row = Parse.Xlsx(stream.ToArray()).Rows.Single();

        Assert.That(row.Cells, Is.EqualTo(new[] { "2026-11-28", "2.5", "TRUE", "5321112233", "İnline" }));
    }

    [Test]
    public void Should_stop_reading_at_the_first_row_past_what_a_file_may_hold()
    {
        var limits = new UploadOptions { MaxRows = 10 };
        var file = DealerFiles.Xlsx([.. Enumerable.Range(0, 40).Select(i => new object?[] { $"d{i}@ornek.com", "05321112233", "Bayi", 1, "S" })]);

        var rows = Parse.Xlsx(file, limits).Rows;

        Assert.That(rows, Has.Count.EqualTo(SheetMapper.MaxRowsRead(limits)).And.Count.LessThan(40));
    }

    [TestCase("E-posta", DealerColumn.Email)]
    [TestCase("EPOSTA", DealerColumn.Email)]
    [TestCase("Dealer Name", DealerColumn.DealerName)]
    [TestCase("BAYİ ADI", DealerColumn.DealerName)]
    [TestCase("bayi adi", DealerColumn.DealerName)]
    [TestCase("Kod Sayısı", DealerColumn.CodeCount)]
    [TestCase("KOD ADEDİ", DealerColumn.CodeCount)]
    [TestCase("PackageTier", DealerColumn.Tier)]
    [TestCase("Telefon / Phone", DealerColumn.Phone)]
    public void Should_recognise_the_header(string header, DealerColumn column) =>
        Assert.That(HeaderNames.Match(header), Is.EqualTo(column));

    [Test]
    public void Should_read_semicolon_CSV_with_a_BOM_and_quoted_fields()
    {
        var csv = DealerFiles.Csv("E-posta;Telefon;Bayi Adı;Paket\r\n\"a@ornek.com\";0532 111 22 33;\"Öz; \"\"Şen\"\" Tarım\";S\r\n;;;\r\nb@ornek.com;0532 111 22 34;İkinci;M", bom: true);

        var mapped = SheetMapper.Map(Parse.Csv(csv), new UploadRequestOptions());

        Assert.That(mapped.Rows.Select(r => r.RowNumber), Is.EqualTo(new[] { 2, 4 }));
        Assert.That(mapped.Rows[0].DealerName, Is.EqualTo("Öz; \"Şen\" Tarım"));
        Assert.That(mapped.Rows[1].Email, Is.EqualTo("b@ornek.com"));
    }

    [Test]
    public void Should_read_comma_CSV_without_a_BOM()
    {
        var csv = DealerFiles.Csv("Email,Phone,DealerName,Tier\nc@ornek.com,+905321112233,\"Bayi, C\",L\n");

        var row = SheetMapper.Map(Parse.Csv(csv), new UploadRequestOptions()).Rows.Single();

        Assert.That(row, Has.Property("DealerName").EqualTo("Bayi, C").And.Property("Tier").EqualTo("L"));
    }

    [Test]
    public void Should_stop_reading_CSV_at_the_first_row_past_what_a_file_may_hold()
    {
        var limits = new UploadOptions { MaxRows = 10 };
        var text = "Email;Phone;DealerName\n" + string.Concat(Enumerable.Range(0, 40).Select(i => string.Create(CultureInfo.InvariantCulture, $"d{i}@x.com;05321112233;B\n")));

        var rows = Parse.Csv(DealerFiles.Csv(text), limits).Rows;

        Assert.That(rows, Has.Count.EqualTo(SheetMapper.MaxRowsRead(limits)));
    }
}
