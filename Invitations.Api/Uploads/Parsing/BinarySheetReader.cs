using System.Globalization;
using System.Text;
using ExcelDataReader;
using ExcelDataReader.Exceptions;

namespace Invitations.Api.Uploads.Parsing;

/// <summary>
/// .xls (Excel 97-2003) through ExcelDataReader, forward-only, with our bounds around it: the parse's
/// deadline on every row, the columns we read and no more, cells cut at the longest we keep, the rows a file may
/// have. The sheet is chosen as for .xlsx: the first visible one with a recognisable header.
/// </summary>
public static class BinarySheetReader
{
    static BinarySheetReader() =>
        // .xls stores its text in the workbook's code page (1254 for Turkish Excel); .NET has only UTF encodings built in.
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static RawSheet Read(byte[] content, ParseBudget budget)
    {
        try
        {
            using var stream = new MemoryStream(content, writable: false);
            using var reader = ExcelReaderFactory.CreateReader(stream);
            RawSheet? first = null;
            var tried = 0;
            do
            {
                if (reader.VisibleState is not (null or "visible"))
                {
                    continue;
                }

                var sheet = ReadSheet(reader, budget);
                if (SheetMapper.FindHeader(sheet.Rows) is not null)
                {
                    return sheet;
                }

                first ??= sheet;
            }
            while (++tried < SheetLimits.MaxSheetsTried && reader.NextResult());

            return first ?? throw new UploadRejectedException(StatusCodes.Status400BadRequest, "title.bad-request", "empty");
        }
        catch (InvalidPasswordException)
        {
            throw new UploadRejectedException(StatusCodes.Status415UnsupportedMediaType, "title.encrypted", "encrypted");
        }
        catch (Exception ex) when (ex is ExcelReaderException or InvalidDataException or IOException or NotSupportedException
            or InvalidOperationException or IndexOutOfRangeException or ArgumentException or FormatException)
        {
            throw new UploadRejectedException(StatusCodes.Status400BadRequest, "title.corrupt", "corrupt");
        }
    }

    private static RawSheet ReadSheet(IExcelDataReader reader, ParseBudget budget)
    {
        var rows = new List<SheetRow>();
        var max = budget.Limits.RowsRead;
        var rowNumber = 0;
        while (reader.Read() && rows.Count < max)
        {
            budget.Check();
            rowNumber++;
            var cells = new string[Math.Min(reader.FieldCount, SheetLimits.MaxColumns)];
            var used = 0;
            for (var i = 0; i < cells.Length; i++)
            {
                cells[i] = CellText(reader.GetValue(i), budget.MaxKeptCellLength);
                if (!string.IsNullOrWhiteSpace(cells[i]))
                {
                    used = i + 1;
                }
            }

            if (used > 0)
            {
                rows.Add(new SheetRow(rowNumber, cells[..used]));
            }
        }

        return new RawSheet(rows);
    }

    /// <summary>A cell's value as the mapper reads text, invariant culture, at most <paramref name="cap"/> characters.</summary>
    internal static string CellText(object? value, int cap)
    {
        var text = value switch
        {
            null => string.Empty,
            string s => s,
            double d => d.ToString("R", CultureInfo.InvariantCulture),
            DateTime date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            bool b => b ? "TRUE" : "FALSE",
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            _ => value.ToString() ?? string.Empty,
        };
        return text.Length <= cap ? text : text[..cap];
    }
}
