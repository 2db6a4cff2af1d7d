using System.Globalization;
using Invitations.Api.Uploads.Parsing.Xlsx;

namespace Invitations.Api.Uploads.Parsing.Xlsb;

/// <summary>
/// One binary worksheet as rows of text, forward-only and bounded as <see cref="XlsxWorksheetReader"/>: a cell past
/// the columns we read is skipped without reading its value, a row holds at most Excel's 16,384 cells, and row and
/// column numbers must rise and stay within Excel's grid (a 400 otherwise). Formulas give their cached values, numbers
/// their shortest round-trip text (a phone stored as a number is its digits, 3.0 is "3"), dates yyyy-MM-dd.
/// </summary>
internal sealed class XlsbWorksheetReader(XlsxPackage package, string path, List<string> sharedStrings, HashSet<int> dateStyles)
{
    private readonly string?[] _cells = new string?[SheetLimits.MaxColumns];

    public RawSheet Read(int maxNonEmptyRows)
    {
        var rows = new List<SheetRow>();
        using var reader = XlsbSheetReader.OpenPart(package, path) ?? throw XlsbSheetReader.Corrupt();
        var rowNumber = 0;
        var inRow = false;
        var used = 0;
        var column = 0;
        var count = 0;
        while (reader.Next())
        {
            var type = reader.Type;
            if (type == XlsbRecords.RowHdr)
            {
                if (Keep(rows, rowNumber, used) >= maxNonEmptyRows)
                {
                    return new RawSheet(rows);
                }

                var row = reader.UInt32();
                if (row >= SheetLimits.ExcelRows || row < rowNumber)
                {
                    throw ParseBudget.BadReference(path, string.Create(CultureInfo.InvariantCulture, $"row {(long)row + 1}"));
                }

                rowNumber = (int)row + 1;
                inRow = true;
                used = column = count = 0;
            }
            else if (type is >= XlsbRecords.CellBlank and <= XlsbRecords.ShortIsst or XlsbRecords.CellRString)
            {
                if (!inRow)
                {
                    throw reader.Corrupt();
                }

                if (++count > SheetLimits.ExcelColumns)
                {
                    throw ParseBudget.TooComplex(path, $"more than {SheetLimits.ExcelColumns} cells in a row");
                }

                var isShort = type >= XlsbRecords.ShortBlank && type <= XlsbRecords.ShortIsst;
                var next = isShort ? (uint)column : reader.UInt32();
                if (next >= SheetLimits.ExcelColumns || next < column)
                {
                    throw ParseBudget.BadReference(path, string.Create(CultureInfo.InvariantCulture, $"R{rowNumber}C{(long)next + 1}"));
                }

                column = (int)next + 1;
                if (column > SheetLimits.MaxColumns)
                {
                    continue;
                }

                var style = (int)(reader.UInt32() & 0xFFFFFF);
                var value = CellText(reader, isShort ? type - XlsbRecords.ShortOffset : type, style);
                if (!string.IsNullOrWhiteSpace(value))
                {
                    _cells[column - 1] = value;
                    used = column;
                }
            }
            else if (type == XlsbRecords.EndSheetData)
            {
                break;
            }
        }

        Keep(rows, rowNumber, used);
        return new RawSheet(rows);
    }

    /// <summary>Adds the row just read when it has a non-blank cell, clears it, and gives the rows kept so far.</summary>
    private int Keep(List<SheetRow> rows, int rowNumber, int used)
    {
        if (used > 0)
        {
            rows.Add(new SheetRow(rowNumber, _cells.Take(used).Select(c => c ?? string.Empty).ToArray()));
        }

        Array.Clear(_cells);
        return rows.Count;
    }

    private string CellText(Biff12Reader reader, int type, int style)
    {
        var cap = package.Budget.MaxKeptCellLength;
        switch (type)
        {
            case XlsbRecords.CellRk:
                return Number(Rk(reader.UInt32()), style);
            case XlsbRecords.CellReal or XlsbRecords.FmlaNum:
                return Number(reader.Double(), style);
            case XlsbRecords.CellSt or XlsbRecords.FmlaString:
                return reader.WideString(cap);
            case XlsbRecords.CellRString:
                reader.Byte();
                return reader.WideString(cap);
            case XlsbRecords.CellIsst:
                return reader.UInt32() is var index && index < (uint)sharedStrings.Count ? sharedStrings[(int)index] : string.Empty;
            case XlsbRecords.CellBool or XlsbRecords.FmlaBool:
                return reader.Byte() == 0 ? "FALSE" : "TRUE";
            case XlsbRecords.CellError or XlsbRecords.FmlaError:
                return Error(reader.Byte());
            default:
                return string.Empty;
        }
    }

    /// <summary>An RkNumber ([MS-XLSB] 2.5.122): bit 0 divides by 100, bit 1 says the high 30 bits are an integer, else a double's high 30 bits.</summary>
    internal static double Rk(uint rk)
    {
        var number = (rk & 2) != 0
            ? (int)rk >> 2
            : BitConverter.Int64BitsToDouble((long)(rk & 0xFFFFFFFC) << 32);
        return (rk & 1) != 0 ? number / 100 : number;
    }

    private string Number(double number, int style) =>
        dateStyles.Contains(style) && number is > -657435 and < 2958466
            ? DateTime.FromOADate(number).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
            : number.ToString("R", CultureInfo.InvariantCulture);

    private static string Error(byte code) => code switch
    {
        0x00 => "#NULL!",
        0x07 => "#DIV/0!",
        0x0F => "#VALUE!",
        0x17 => "#REF!",
        0x1D => "#NAME?",
        0x24 => "#NUM!",
        0x2A => "#N/A",
        0x2B => "#GETTING_DATA",
        _ => "#ERROR",
    };
}
