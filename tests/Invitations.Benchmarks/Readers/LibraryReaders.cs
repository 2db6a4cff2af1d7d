extern alias InvitationsApi;

using System.Text;
using ExcelDataReader;
using InvitationsApi::Invitations.Api.Uploads;
using InvitationsApi::Invitations.Api.Uploads.Parsing;
using InvitationsApi::Invitations.Api.Uploads.Parsing.Xlsb;
using InvitationsApi::Invitations.Api.Uploads.Parsing.Xlsx;
using MiniExcelLibs;

namespace Invitations.Benchmarks.Readers;

/// <summary>
/// The readers compared, each giving the sheet as our mapper takes it (rows of text, the first visible sheet with a
/// recognisable header): ours with its bounds, ExcelDataReader 3.6.0 and MiniExcel 1.46.0 as they come.
/// </summary>
public static class LibraryReaders
{
    public static readonly string[] Names = ["ours", "ExcelDataReader", "MiniExcel"];

    static LibraryReaders() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static IReadOnlyList<SheetRow> Read(string reader, byte[] file, string extension, int maxRows) => reader switch
    {
        "ours" => Ours(file, extension, maxRows),
        "ExcelDataReader" => ExcelDataReaderRows(file),
        "MiniExcel" => MiniExcelRows(file),
        _ => throw new ArgumentException($"unknown reader {reader}"),
    };

    private static IReadOnlyList<SheetRow> Ours(byte[] file, string extension, int maxRows)
    {
        // The options an operator would set for a file this long; the shipped ones otherwise.
        var options = new UploadOptions { MaxRows = maxRows, ParseTimeout = maxRows > 2_000 ? TimeSpan.FromMinutes(1) : new UploadOptions().ParseTimeout };
        var budget = new ParseBudget(options, TimeProvider.System);
        return extension switch
        {
            ".xlsx" or ".xlsm" => XlsxSheetReader.Read(file, budget).Rows,
            ".xlsb" => XlsbSheetReader.Read(file, budget).Rows,
            ".xls" => BinarySheetReader.Read(file, budget).Rows,
            _ => throw new NotSupportedException($"{extension}: not read by ours (415)"),
        };
    }

    private static IReadOnlyList<SheetRow> ExcelDataReaderRows(byte[] file)
    {
        using var stream = new MemoryStream(file, writable: false);
        using var reader = ExcelReaderFactory.CreateReader(stream);
        List<SheetRow>? first = null;
        do
        {
            if (reader.VisibleState is not (null or "visible"))
            {
                continue;
            }

            var rows = new List<SheetRow>();
            var number = 0;
            while (reader.Read())
            {
                number++;
                var cells = Enumerable.Range(0, Math.Min(reader.FieldCount, 30)).Select(i => Text(reader.GetValue(i))).ToArray();
                AddIfAny(rows, number, cells);
            }

            if (SheetMapper.FindHeader(rows) is not null)
            {
                return rows;
            }

            first ??= rows;
        }
        while (reader.NextResult());

        return first ?? [];
    }

    private static IReadOnlyList<SheetRow> MiniExcelRows(byte[] file)
    {
        using var stream = new MemoryStream(file, writable: false);
        List<SheetRow>? first = null;
        foreach (var sheet in MiniExcel.GetSheetInformations(stream).Where(s => s.State == MiniExcelLibs.OpenXml.SheetState.Visible))
        {
            stream.Position = 0;
            var rows = new List<SheetRow>();
            var number = 0;
            foreach (IDictionary<string, object?> row in stream.Query(useHeaderRow: false, sheetName: sheet.Name, excelType: ExcelType.XLSX))
            {
                number++;
                AddIfAny(rows, number, row.Values.Take(30).Select(Text).ToArray());
            }

            if (SheetMapper.FindHeader(rows) is not null)
            {
                return rows;
            }

            first ??= rows;
        }

        return first ?? [];
    }

    private static void AddIfAny(List<SheetRow> rows, int number, string[] cells)
    {
        var used = Array.FindLastIndex(cells, c => !string.IsNullOrWhiteSpace(c)) + 1;
        if (used > 0)
        {
            rows.Add(new SheetRow(number, cells[..used]));
        }
    }

    /// <summary>The product's own cell-to-text conversion, without its length cap, for every library alike.</summary>
    private static string Text(object? value) => BinarySheetReader.CellText(value, int.MaxValue);
}
