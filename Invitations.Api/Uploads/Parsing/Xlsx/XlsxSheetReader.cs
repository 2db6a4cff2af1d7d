
namespace Invitations.Api.Uploads.Parsing.Xlsx;

/// <summary>
/// An .xlsx (.xlsm, Strict Open XML) read forward-only on bounded XmlReaders, never into an element tree: the
/// Open XML SDK's element loading recursed, and one cell of 100,000 nested elements overflowed the stack. The first
/// visible sheet whose first rows hold a recognisable header is the dealers' sheet (a notes or lists sheet before
/// it is passed over); when none has one, the first visible sheet is read as the seed's column order.
/// </summary>
public static class XlsxSheetReader
{
    public static RawSheet Read(byte[] content, ParseBudget budget)
    {
        try
        {
            using var package = XlsxPackage.Open(content, budget);
            var parts = XlsxWorkbookParts.Read(package);
            if (parts.VisibleSheets.Count == 0)
            {
                throw new UploadRejectedException(StatusCodes.Status400BadRequest, "title.bad-request", "empty");
            }

            var strings = XlsxSharedStrings.Read(package, parts.SharedStrings);
            var dates = XlsxDateStyles.Read(package, parts.Styles);
            var sheet = DealersSheet(package, parts, strings.Strings, dates);

            // A table past its bound is only forgiven when the sheet itself is too long: the validator then says
            // "at most N dealers", which is what the sponsor must hear, rather than "too complex".
            if (strings.Overflow is { } overflow && sheet.Rows.Count < budget.Limits.RowsRead)
            {
                throw ParseBudget.TooComplex(parts.SharedStrings!, overflow);
            }

            return sheet;
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException)
        {
            throw new UploadRejectedException(StatusCodes.Status400BadRequest, "title.corrupt", "corrupt");
        }
    }

    private static RawSheet DealersSheet(XlsxPackage package, XlsxWorkbookParts parts, List<string> strings, HashSet<int> dates)
    {
        RawSheet? first = null;
        foreach (var path in parts.VisibleSheets.Take(SheetLimits.MaxSheetsTried))
        {
            var sheet = new XlsxWorksheetReader(package, path, strings, dates).Read(package.Budget.Limits.RowsRead);
            if (SheetMapper.FindHeader(sheet.Rows) is not null)
            {
                return sheet;
            }

            first ??= sheet;
        }

        return first!;
    }
}
