using Invitations.Api.Uploads.Parsing.Xlsx;

namespace Invitations.Api.Uploads.Parsing.Xlsb;

/// <summary>
/// An Excel Binary Workbook (.xlsb) read by our own forward-only BIFF12 reader: no reader served here reads one
/// (ExcelDataReader reads .xlsb only from 3.7, and 3.6.0 is served; MiniExcel reads .xlsx only). The package is an
/// OPC zip as for .xlsx (<see cref="XlsxPackage"/> finds its parts through the relationships), its parts are records
/// instead of XML, and every bound is the .xlsx reader's (<see cref="SheetLimits"/>, the parse's deadline). The sheet
/// is chosen as for .xlsx (<see cref="PackagedWorkbookReader"/>).
/// </summary>
public static class XlsbSheetReader
{
    private static readonly RecordParts Format = new();

    public static RawSheet Read(byte[] content, ParseBudget budget) => Format.Read(content, budget);

    internal static Biff12Reader? OpenPart(XlsxPackage package, string path) =>
        package.Entry(path) is { } entry ? new Biff12Reader(entry, path, package.Budget) : null;

    internal static UploadRejectedException Corrupt() => PackagedWorkbookReader.Corrupt();

    private sealed class RecordParts : PackagedWorkbookReader
    {
        protected override (IReadOnlyList<string> VisibleSheets, string? SharedStrings, string? Styles) ReadParts(XlsxPackage package)
        {
            var parts = XlsbWorkbookParts.Read(package);
            return (parts.VisibleSheets, parts.SharedStrings, parts.Styles);
        }

        protected override SharedStringTable ReadSharedStrings(XlsxPackage package, string? path) => XlsbSharedStrings.Read(package, path);

        protected override HashSet<int> ReadDateStyles(XlsxPackage package, string? path) => XlsbDateStyles.Read(package, path);

        protected override RawSheet ReadWorksheet(XlsxPackage package, string path, List<string> strings, HashSet<int> dates, int maxNonEmptyRows) =>
            new XlsbWorksheetReader(package, path, strings, dates).Read(maxNonEmptyRows);
    }
}
