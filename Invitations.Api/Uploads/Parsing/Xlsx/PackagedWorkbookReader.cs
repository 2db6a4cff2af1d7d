namespace Invitations.Api.Uploads.Parsing.Xlsx;

/// <summary>
/// How a zipped workbook is read, whatever its parts are written in (XML for .xlsx, BIFF12 records for .xlsb): the
/// package opened within its bounds, the workbook's visible sheets, the shared strings and date styles, then the first
/// visible sheet whose first rows hold a recognisable header (a notes or lists sheet before it is passed over; when
/// none has one, the first visible sheet, read as the seed's column order). A format says how each part is read.
/// </summary>
internal abstract class PackagedWorkbookReader
{
    public RawSheet Read(byte[] content, ParseBudget budget)
    {
        try
        {
            using var package = XlsxPackage.Open(content, budget);
            var (visibleSheets, sharedStrings, styles) = ReadParts(package);
            if (visibleSheets.Count == 0)
            {
                throw new UploadRejectedException(StatusCodes.Status400BadRequest, "title.bad-request", "empty");
            }

            var (strings, overflow) = ReadSharedStrings(package, sharedStrings);
            var dates = ReadDateStyles(package, styles);
            var sheet = DealersSheet(package, visibleSheets, strings, dates);

            // A table past its bound is only forgiven when the sheet itself is too long: the validator then says
            // "at most N dealers", which is what the sponsor must hear, rather than "too complex".
            if (overflow is not null && sheet.Rows.Count < budget.Limits.RowsRead)
            {
                throw ParseBudget.TooComplex(sharedStrings!, overflow);
            }

            return sheet;
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException)
        {
            throw Corrupt();
        }
    }

    public static UploadRejectedException Corrupt() => new(StatusCodes.Status400BadRequest, "title.corrupt", "corrupt");

    /// <summary>The visible worksheets' part paths in tab order, and the shared-string and styles parts when there are any.</summary>
    protected abstract (IReadOnlyList<string> VisibleSheets, string? SharedStrings, string? Styles) ReadParts(XlsxPackage package);

    /// <summary>The shared strings, and why the table was cut when it went past its bound.</summary>
    protected abstract SharedStringTable ReadSharedStrings(XlsxPackage package, string? path);

    /// <summary>The style indexes whose number format is a date.</summary>
    protected abstract HashSet<int> ReadDateStyles(XlsxPackage package, string? path);

    protected abstract RawSheet ReadWorksheet(XlsxPackage package, string path, List<string> strings, HashSet<int> dates, int maxNonEmptyRows);

    private RawSheet DealersSheet(XlsxPackage package, IReadOnlyList<string> visibleSheets, List<string> strings, HashSet<int> dates)
    {
        RawSheet? first = null;
        foreach (var path in visibleSheets.Take(SheetLimits.MaxSheetsTried))
        {
            var sheet = ReadWorksheet(package, path, strings, dates, package.Budget.Limits.RowsRead);
            if (SheetMapper.FindHeader(sheet.Rows) is not null)
            {
                return sheet;
            }

            first ??= sheet;
        }

        return first!;
    }
}
