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
            workbook = new XLWorkbook(new MemoryStream(content, writable: false), XLEventTracking.Disabled);
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
                // CellsUsed walks the row's stored cells only; Cell(n) would create every missing one.
                var used = row.CellsUsed().Where(c => c.Address.ColumnNumber <= CellLimits.MaxColumns).ToList();
                var cells = new string[used.Count == 0 ? 0 : used.Max(c => c.Address.ColumnNumber)];
                Array.Fill(cells, string.Empty);
                foreach (var cell in used)
                {
                    cells[cell.Address.ColumnNumber - 1] = Text(cell);
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
