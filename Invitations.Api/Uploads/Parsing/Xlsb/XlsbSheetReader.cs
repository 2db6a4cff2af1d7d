using Invitations.Api.Uploads.Parsing.Xlsx;

namespace Invitations.Api.Uploads.Parsing.Xlsb;

/// <summary>
/// An Excel Binary Workbook (.xlsb) read by our own forward-only BIFF12 reader: no reader served here reads one
/// (ExcelDataReader reads .xlsb only from 3.7, and 3.6.0 is served; MiniExcel reads .xlsx only). The package is an
/// OPC zip as for .xlsx (<see cref="XlsxPackage"/> finds its parts through the relationships), its parts are records
/// instead of XML, and every bound is the .xlsx reader's (<see cref="SheetLimits"/>, the parse's deadline). The sheet
/// is chosen as for .xlsx: the first visible one whose first rows hold a recognisable header, else the first visible one.
/// </summary>
public static class XlsbSheetReader
{
    public static RawSheet Read(byte[] content, ParseBudget budget)
    {
        try
        {
            using var package = XlsxPackage.Open(content, budget);
            var parts = XlsbWorkbookParts.Read(package);
            if (parts.VisibleSheets.Count == 0)
            {
                throw new UploadRejectedException(StatusCodes.Status400BadRequest, "title.bad-request", "empty");
            }

            var strings = XlsbSharedStrings.Read(package, parts.SharedStrings);
            var dates = XlsbDateStyles.Read(package, parts.Styles);
            var sheet = DealersSheet(package, parts, strings.Strings, dates);

            // As for .xlsx: a table past its bound is only forgiven when the sheet itself is too long.
            if (strings.Overflow is { } overflow && sheet.Rows.Count < budget.Limits.RowsRead)
            {
                throw ParseBudget.TooComplex(parts.SharedStrings!, overflow);
            }

            return sheet;
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException)
        {
            throw Corrupt();
        }
    }

    internal static Biff12Reader? OpenPart(XlsxPackage package, string path) =>
        package.Entry(path) is { } entry ? new Biff12Reader(entry, path, package.Budget) : null;

    internal static UploadRejectedException Corrupt() => new(StatusCodes.Status400BadRequest, "title.corrupt", "corrupt");

    private static RawSheet DealersSheet(XlsxPackage package, XlsbWorkbookParts parts, List<string> strings, HashSet<int> dates)
    {
        RawSheet? first = null;
        foreach (var path in parts.VisibleSheets.Take(SheetLimits.MaxSheetsTried))
        {
            var sheet = new XlsbWorksheetReader(package, path, strings, dates).Read(package.Budget.Limits.RowsRead);
            if (SheetMapper.FindHeader(sheet.Rows) is not null)
            {
                return sheet;
            }

            first ??= sheet;
        }

        return first!;
    }
}
