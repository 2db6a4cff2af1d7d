using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Invitations.Api.Uploads.Parsing;

/// <summary>
/// The first worksheet of an .xlsx, read as a stream of rows with the Open XML SDK's reader: formulas give their
/// cached values, dates come as yyyy-MM-dd, and the row limit stops the read at the first row too many. (ClosedXML
/// loaded the whole workbook first: most of an upload's time and memory, docs/PERFORMANCE.md.)
/// </summary>
public static class XlsxSheetReader
{
    public static RawSheet Read(byte[] content, UploadOptions options)
    {
        try
        {
            using var document = SpreadsheetDocument.Open(new MemoryStream(content, writable: false), isEditable: false);
            var workbook = document.WorkbookPart ?? throw Corrupt();
            var sheet = FirstWorksheet(workbook) ?? throw new UploadRejectedException(StatusCodes.Status400BadRequest, "title.bad-request", "empty");
            return new RawSheet(ReadRows(sheet, SharedStrings(workbook), DateStyles(workbook), options));
        }
        catch (Exception ex) when (ex is not (UploadRejectedException or OutOfMemoryException or OperationCanceledException))
        {
            throw Corrupt();
        }
    }

    private static List<SheetRow> ReadRows(WorksheetPart sheet, List<string> sharedStrings, HashSet<uint> dateStyles, UploadOptions options)
    {
        var rows = new List<SheetRow>();
        using var reader = OpenXmlReader.Create(sheet);
        var rowNumber = 0;
        while (reader.Read())
        {
            if (reader.ElementType != typeof(Row) || !reader.IsStartElement)
            {
                continue;
            }

            var row = (Row)reader.LoadCurrentElement()!;
            rowNumber = row.RowIndex?.Value is { } index ? (int)index : rowNumber + 1;
            var cells = new string[CellLimits.MaxColumns];
            var used = 0;
            var column = 0;
            foreach (var cell in row.Elements<Cell>())
            {
                column = cell.CellReference?.Value is { } reference ? ColumnNumber(reference) : column + 1;
                if (column > CellLimits.MaxColumns)
                {
                    continue;
                }

                cells[column - 1] = Text(cell, sharedStrings, dateStyles);
                used = Math.Max(used, column);
            }

            var values = cells.Take(used).Select(c => c ?? string.Empty).ToArray();
            if (values.All(string.IsNullOrWhiteSpace))
            {
                continue;
            }

            rows.Add(new SheetRow(rowNumber, values));
            if (rows.Count > options.MaxRows + 1)
            {
                throw new UploadRejectedException(StatusCodes.Status400BadRequest, "title.bad-request", "too-many-rows", options.MaxRows);
            }
        }

        return rows;
    }

    private static string Text(Cell cell, List<string> sharedStrings, HashSet<uint> dateStyles)
    {
        var value = cell.CellValue?.Text;
        var type = cell.DataType?.Value;
        if (type == CellValues.InlineString)
        {
            return cell.InlineString?.InnerText ?? string.Empty;
        }

        if (string.IsNullOrEmpty(value))
        {
            return string.Empty;
        }

        if (type == CellValues.SharedString)
        {
            return int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index < sharedStrings.Count ? sharedStrings[index] : string.Empty;
        }

        if (type == CellValues.Boolean)
        {
            return value == "1" ? "TRUE" : "FALSE";
        }

        if ((type is null || type == CellValues.Number)
            && double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
        {
            return cell.StyleIndex?.Value is { } style && dateStyles.Contains(style) && number is > -657435 and < 2958466
                ? DateTime.FromOADate(number).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
                : number.ToString("R", CultureInfo.InvariantCulture);
        }

        // Formula strings, errors and ISO dates are stored as their text.
        return value;
    }

    private static WorksheetPart? FirstWorksheet(WorkbookPart workbook) =>
        workbook.Workbook?.Sheets?.Elements<Sheet>()
            .Select(s => s.Id?.Value is { } id && workbook.TryGetPartById(id, out var part) ? part as WorksheetPart : null)
            .FirstOrDefault(p => p is not null);

    private static List<string> SharedStrings(WorkbookPart workbook)
    {
        var strings = new List<string>();
        if (workbook.SharedStringTablePart is not { } part)
        {
            return strings;
        }

        using var reader = OpenXmlReader.Create(part);
        while (reader.Read())
        {
            if (reader.ElementType == typeof(SharedStringItem) && reader.IsStartElement)
            {
                // Rich text: the runs' text in order; phonetic hints (rPh) are not part of the value.
                var item = (SharedStringItem)reader.LoadCurrentElement()!;
                strings.Add(item.Text?.Text ?? string.Concat(item.Elements<Run>().Select(r => r.Text?.Text)));
            }
        }

        return strings;
    }

    /// <summary>The cell styles whose number format is a date: the built-in ones, and custom ones with d, m or y as a format letter.</summary>
    private static HashSet<uint> DateStyles(WorkbookPart workbook)
    {
        var dates = new HashSet<uint>();
        var stylesheet = workbook.WorkbookStylesPart?.Stylesheet;
        if (stylesheet?.CellFormats is not { } formats)
        {
            return dates;
        }

        var custom = stylesheet.NumberingFormats?.Elements<NumberingFormat>()
            .Where(f => f.NumberFormatId?.Value is not null && IsDateFormat(f.FormatCode?.Value))
            .Select(f => f.NumberFormatId!.Value)
            .ToHashSet() ?? [];
        uint index = 0;
        foreach (var format in formats.Elements<CellFormat>())
        {
            if (format.NumberFormatId?.Value is { } id && (id is >= 14 and <= 22 or >= 45 and <= 47 || custom.Contains(id)))
            {
                dates.Add(index);
            }

            index++;
        }

        return dates;
    }

    private static bool IsDateFormat(string? code)
    {
        if (string.IsNullOrEmpty(code))
        {
            return false;
        }

        // Not inside "text", [colours and conditions], or after a \ escape.
        var quoted = false;
        var bracketed = false;
        var escaped = false;
        foreach (var c in code)
        {
            if (escaped)
            {
                escaped = false;
            }
            else if (c == '\\' && !quoted)
            {
                escaped = true;
            }
            else if (c == '"')
            {
                quoted = !quoted;
            }
            else if (!quoted && c is '[' or ']')
            {
                bracketed = c == '[';
            }
            else if (!quoted && !bracketed && char.ToLowerInvariant(c) is 'd' or 'm' or 'y')
            {
                return true;
            }
        }

        return false;
    }

    private static int ColumnNumber(string reference)
    {
        var column = 0;
        foreach (var c in reference)
        {
            if (c is < 'A' or > 'Z')
            {
                break;
            }

            column = (column * 26) + (c - 'A' + 1);
        }

        return column;
    }

    private static UploadRejectedException Corrupt() => new(StatusCodes.Status400BadRequest, "title.corrupt", "corrupt");
}
