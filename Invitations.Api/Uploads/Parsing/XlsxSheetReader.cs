using System.Globalization;
using ClosedXML.Excel;

namespace Invitations.Api.Uploads.Parsing;

/// <summary>The first worksheet of an .xlsx through ClosedXML: formulas give their cached values.</summary>
public static class XlsxSheetReader
{
    public static RawSheet Read(byte[] content, UploadOptions options)
    {
        XLWorkbook workbook;
        try
        {
            workbook = new XLWorkbook(new MemoryStream(content, writable: false));
        }
        catch (Exception ex) when (ex is not (OutOfMemoryException or OperationCanceledException))
        {
            throw new UploadRejectedException(StatusCodes.Status400BadRequest, "title.corrupt", "corrupt");
        }

        using (workbook)
        {
            var sheet = workbook.Worksheets.FirstOrDefault()
                ?? throw new UploadRejectedException(StatusCodes.Status400BadRequest, "title.bad-request", "empty");
            var rows = new List<SheetRow>();
            foreach (var row in sheet.RowsUsed())
            {
                var last = Math.Min(row.LastCellUsed()?.Address.ColumnNumber ?? 0, CellLimits.MaxColumns);
                var cells = new string[last];
                for (var column = 1; column <= last; column++)
                {
                    cells[column - 1] = Text(row.Cell(column));
                }

                if (cells.All(string.IsNullOrWhiteSpace))
                {
                    continue;
                }

                rows.Add(new SheetRow(row.RowNumber(), cells));
                if (rows.Count > options.MaxRows + 1)
                {
                    throw new UploadRejectedException(StatusCodes.Status400BadRequest, "title.bad-request", "too-many-rows", options.MaxRows);
                }
            }

            return new RawSheet(rows);
        }
    }

    private static string Text(IXLCell cell)
    {
        var value = cell.HasFormula ? cell.CachedValue : cell.Value;
        return value switch
        {
            null => string.Empty,
            string s => s,
            double d => d.ToString("R", CultureInfo.InvariantCulture),
            DateTime t => t.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            bool b => b ? "TRUE" : "FALSE",
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            _ => value.ToString() ?? string.Empty,
        };
    }
}
