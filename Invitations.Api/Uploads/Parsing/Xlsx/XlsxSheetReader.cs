namespace Invitations.Api.Uploads.Parsing.Xlsx;

/// <summary>
/// An .xlsx (.xlsm, Strict Open XML) read forward-only on bounded XmlReaders, never into an element tree: the
/// Open XML SDK's element loading recursed, and one cell of 100,000 nested elements overflowed the stack. The sheet is
/// chosen as <see cref="PackagedWorkbookReader"/> says.
/// </summary>
public static class XlsxSheetReader
{
    private static readonly XmlParts Format = new();

    public static RawSheet Read(byte[] content, ParseBudget budget) => Format.Read(content, budget);

    private sealed class XmlParts : PackagedWorkbookReader
    {
        protected override (IReadOnlyList<string> VisibleSheets, string? SharedStrings, string? Styles) ReadParts(XlsxPackage package)
        {
            var parts = XlsxWorkbookParts.Read(package);
            return (parts.VisibleSheets, parts.SharedStrings, parts.Styles);
        }

        protected override SharedStringTable ReadSharedStrings(XlsxPackage package, string? path) => XlsxSharedStrings.Read(package, path);

        protected override HashSet<int> ReadDateStyles(XlsxPackage package, string? path) => XlsxDateStyles.Read(package, path);

        protected override RawSheet ReadWorksheet(XlsxPackage package, string path, List<string> strings, HashSet<int> dates, int maxNonEmptyRows) =>
            new XlsxWorksheetReader(package, path, strings, dates).Read(maxNonEmptyRows);
    }
}
