using System.Text;

namespace Invitations.Api.Uploads.Parsing;

/// <summary>
/// CSV in UTF-8 (BOM optional) or, when the bytes are not valid UTF-8, Windows-1254 (what Turkish Excel's
/// "CSV (Comma delimited)" writes), separated by <c>;</c> (Excel with a Turkish locale) or <c>,</c>, whichever
/// the first line uses more, or as Excel's <c>sep=</c> first line says (that line is no row); quotes as RFC 4180.
/// A record's number is its row number, as Excel shows it. Fields past the columns we read are not kept.
/// </summary>
public static class CsvSheetReader
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    static CsvSheetReader() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static RawSheet Read(byte[] content, ParseBudget budget)
    {
        var text = Decode(content);
        if (text.Length > 0 && text[0] == '\uFEFF')
        {
            text = text[1..];
        }

        var rowNumber = 1;
        var separator = DetectSeparator(text);
        if (SeparatorHint(text) is { } hint)
        {
            separator = hint.Separator;
            text = text[hint.Length..];
            rowNumber = 2;
        }

        var rows = new List<SheetRow>();
        var cells = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i <= text.Length; i++)
        {
            var c = i < text.Length ? text[i] : '\n';
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else if (i < text.Length && field.Length < budget.MaxKeptCellLength)
                {
                    field.Append(c);
                }

                continue;
            }

            if (c == '"' && field.Length == 0)
            {
                quoted = true;
            }
            else if (c == separator)
            {
                AddCell(cells, field);
            }
            else if (c == '\n' || c == '\r')
            {
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }

                AddCell(cells, field);
                AddRow(rows, rowNumber++, cells, budget);
                cells.Clear();
                if (i >= text.Length - 1 || rows.Count >= budget.Limits.RowsRead)
                {
                    break;
                }
            }
            else if (field.Length < budget.MaxKeptCellLength)
            {
                field.Append(c);
            }
        }

        return new RawSheet(rows);
    }

    private static string Decode(byte[] content)
    {
        try
        {
            return StrictUtf8.GetString(content);
        }
        catch (DecoderFallbackException)
        {
            return Encoding.GetEncoding(1254).GetString(content);
        }
    }

    /// <summary>Excel's <c>sep=;</c> (or <c>sep=,</c>, <c>sep=\t</c>) first line: the separator, and the line's length with its end.</summary>
    private static (char Separator, int Length)? SeparatorHint(string text)
    {
        if (text.Length < 5 || !text.StartsWith("sep=", StringComparison.OrdinalIgnoreCase) || text[4] is '\r' or '\n')
        {
            return null;
        }

        var end = 5;
        while (end < text.Length && text[end] is ' ' or '"')
        {
            end++;
        }

        if (end < text.Length && text[end] == '\r')
        {
            end++;
        }

        return end >= text.Length || text[end] == '\n' ? (text[4], Math.Min(end + 1, text.Length)) : null;
    }

    private static void AddCell(List<string> cells, StringBuilder field)
    {
        if (cells.Count < SheetLimits.MaxColumns)
        {
            cells.Add(field.ToString());
        }

        field.Clear();
    }

    private static void AddRow(List<SheetRow> rows, int rowNumber, List<string> cells, ParseBudget budget)
    {
        budget.Check();
        if (!cells.All(string.IsNullOrWhiteSpace))
        {
            rows.Add(new SheetRow(rowNumber, cells.ToArray()));
        }
    }

    private static char DetectSeparator(string text)
    {
        int semicolons = 0, commas = 0;
        var quoted = false;
        foreach (var c in text)
        {
            if (c == '"')
            {
                quoted = !quoted;
            }
            else if (!quoted && c is '\n' or '\r')
            {
                break;
            }
            else if (!quoted && c == ';')
            {
                semicolons++;
            }
            else if (!quoted && c == ',')
            {
                commas++;
            }
        }

        return semicolons >= commas && semicolons > 0 ? ';' : ',';
    }
}
