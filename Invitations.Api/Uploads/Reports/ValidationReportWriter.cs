using ClosedXML.Excel;
using Invitations.Api.Infrastructure.Spreadsheets;
using Invitations.Api.Uploads.Parsing;
using Invitations.Api.Uploads.Validation;

namespace Invitations.Api.Uploads.Reports;

/// <summary>The sponsor's own rows as uploaded, with one more column listing each row's errors.</summary>
public static class ValidationReportWriter
{
    public static byte[] Write(ValidationOutcome outcome, UploadLanguage language)
    {
        using var workbook = new XLWorkbook();
        var sheet = workbook.Worksheets.Add(language == UploadLanguage.Turkish ? "Doğrulama" : "Validation");
        var byRow = outcome.Errors.ToLookup(e => e.Row);
        var width = Math.Max(outcome.Sheet.Header?.Cells.Count ?? 0, outcome.Sheet.Rows.Count == 0 ? 0 : outcome.Sheet.Rows.Max(r => r.Cells.Count));
        width = Math.Max(width, Enum.GetValues<DealerColumn>().Length);
        var errorColumn = width + 1;
        var line = 1;

        var headerCells = outcome.Sheet.Header?.Cells
            ?? Enum.GetValues<DealerColumn>().Select(c => HeaderNames.Display(c, language)).ToArray();
        WriteCells(sheet, line, headerCells);
        sheet.Cell(line, 1 + width + 1).Value = language == UploadLanguage.Turkish ? "Satır" : "Row";
        sheet.Cell(line, errorColumn).Value = language == UploadLanguage.Turkish ? "Hatalar" : "Errors";
        sheet.Row(line).Style.Font.Bold = true;
        var headerErrors = outcome.Sheet.Header is { } header ? Describe(byRow[header.RowNumber]) : string.Empty;
        if (headerErrors.Length > 0)
        {
            sheet.Cell(line, errorColumn).Value = SpreadsheetText.Neutralize(headerErrors);
        }

        foreach (var row in outcome.Sheet.Rows)
        {
            line++;
            WriteCells(sheet, line, row.Cells);
            sheet.Cell(line, errorColumn + 1).Value = row.RowNumber;
            sheet.Cell(line, errorColumn).Value = SpreadsheetText.Neutralize(Describe(byRow[row.RowNumber]));
        }

        for (var column = 1; column <= width; column++)
        {
            sheet.Column(column).Width = 24;
        }

        sheet.Column(errorColumn).Width = 80;
        sheet.Column(errorColumn + 1).Width = 8;
        using var stream = new MemoryStream();
        workbook.SaveAs(stream);
        return stream.ToArray();
    }

    private static void WriteCells(IXLWorksheet sheet, int line, IReadOnlyList<string> cells)
    {
        for (var i = 0; i < cells.Count; i++)
        {
            var text = cells[i].Length > 1000 ? cells[i][..1000] : cells[i];
            sheet.Cell(line, i + 1).SetValue(SpreadsheetText.Neutralize(text));
        }
    }

    private static string Describe(IEnumerable<RowError> errors) => string.Join("; ", errors.Select(e => $"{e.Column}: {e.Message}"));
}
