using System.Globalization;
using System.Text;

namespace Invitations.Api.Uploads.Parsing.Xlsx;

/// <summary>
/// One worksheet as rows of text, forward-only: a cell past the columns we read is skipped without reading its
/// value, a row holds at most Excel's 16,384 cells, and row and cell references must rise (Excel refuses a sheet
/// whose rows repeat or go back; so do we, with a 400, where the old reader stored a duplicate row number).
/// Formulas give their cached values, numbers their shortest round-trip text, dates yyyy-MM-dd.
/// </summary>
internal sealed class XlsxWorksheetReader(XlsxPackage package, string path, List<string> sharedStrings, HashSet<int> dateStyles)
{
    private readonly StringBuilder _text = new();

    public RawSheet Read(int maxNonEmptyRows)
    {
        var rows = new List<SheetRow>();
        using var reader = package.OpenPart(path) ?? throw new UploadRejectedException(StatusCodes.Status400BadRequest, "title.corrupt", "corrupt");
        var rowNumber = 0;
        while (reader.Read())
        {
            if (!reader.IsStart("row"))
            {
                continue;
            }

            var reference = reader.Attribute("r");
            var next = reference is null ? rowNumber + 1 : CellReference.Row(reference);
            if (next is null || next <= rowNumber || next > SheetLimits.ExcelRows)
            {
                throw ParseBudget.BadReference(path, reference);
            }

            rowNumber = next.Value;
            var cells = ReadCells(reader);
            if (cells is not null)
            {
                rows.Add(new SheetRow(rowNumber, cells));
                if (rows.Count >= maxNonEmptyRows)
                {
                    break;
                }
            }
        }

        return new RawSheet(rows);
    }

    /// <summary>The row's cells up to the last non-blank one we read; null when every one is blank.</summary>
    private string[]? ReadCells(BoundedXmlReader reader)
    {
        if (reader.IsEmptyElement)
        {
            return null;
        }

        var cells = new string[SheetLimits.MaxColumns];
        var used = 0;
        var column = 0;
        var count = 0;
        var depth = reader.Depth;
        while (reader.Read() && !(reader.NodeType == System.Xml.XmlNodeType.EndElement && reader.Depth == depth))
        {
            if (!reader.IsStart("c"))
            {
                reader.SkipElement();
                continue;
            }

            if (++count > SheetLimits.ExcelColumns)
            {
                throw ParseBudget.TooComplex(path, $"more than {SheetLimits.ExcelColumns} cells in a row");
            }

            var reference = reader.Attribute("r");
            var next = reference is null ? column + 1 : CellReference.Column(reference);
            if (next is null || next <= column || next > SheetLimits.ExcelColumns)
            {
                throw ParseBudget.BadReference(path, reference);
            }

            column = next.Value;
            if (column > SheetLimits.MaxColumns)
            {
                reader.SkipElement();
                continue;
            }

            var value = CellText(reader);
            if (!string.IsNullOrWhiteSpace(value))
            {
                cells[column - 1] = value;
                used = column;
            }
        }

        return used == 0 ? null : cells.Take(used).Select(c => c ?? string.Empty).ToArray();
    }

    private string CellText(BoundedXmlReader reader)
    {
        var type = reader.Attribute("t");
        var style = reader.Attribute("s");
        _text.Clear();
        var cap = package.Budget.MaxKeptCellLength;
        if (!reader.IsEmptyElement)
        {
            var depth = reader.Depth;
            while (reader.Read() && !(reader.NodeType == System.Xml.XmlNodeType.EndElement && reader.Depth == depth))
            {
                if ((reader.IsStart("v") && type != "inlineStr") || (reader.IsStart("is") && type == "inlineStr"))
                {
                    reader.ReadText(_text, cap, skip: "rPh");
                }
                else
                {
                    reader.SkipElement();
                }
            }
        }

        return type switch
        {
            "inlineStr" or "str" or "e" or "d" => _text.ToString(),
            "s" => int.TryParse(_text.ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index < sharedStrings.Count
                ? sharedStrings[index] : string.Empty,
            "b" => _text.Length == 0 ? string.Empty : _text.ToString() == "1" ? "TRUE" : "FALSE",
            _ => Number(_text.ToString(), style),
        };
    }

    private string Number(string value, string? style)
    {
        if (!double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
        {
            return value;
        }

        return style is not null && int.TryParse(style, NumberStyles.None, CultureInfo.InvariantCulture, out var s)
            && dateStyles.Contains(s) && number is > -657435 and < 2958466
            ? DateTime.FromOADate(number).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
            : number.ToString("R", CultureInfo.InvariantCulture);
    }
}
