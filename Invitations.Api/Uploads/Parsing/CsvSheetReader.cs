using System.Text;

namespace Invitations.Api.Uploads.Parsing;

/// <summary>
/// UTF-8 CSV (BOM optional), separated by <c>;</c> (Excel with a Turkish locale) or <c>,</c>, whichever
/// the first line uses more; quotes as RFC 4180. A record's number is its row number, as Excel shows it.
/// </summary>
public static class CsvSheetReader
{
    public static RawSheet Read(byte[] content, UploadOptions options)
    {
        var text = Encoding.UTF8.GetString(content);
        if (text.Length > 0 && text[0] == '\uFEFF')
        {
            text = text[1..];
        }

        var separator = DetectSeparator(text);
        var rows = new List<SheetRow>();
        var cells = new List<string>();
        var field = new StringBuilder();
        var rowNumber = 1;
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
                else if (i < text.Length)
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
                cells.Add(field.ToString());
                field.Clear();
            }
            else if (c == '\n' || c == '\r')
            {
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }

                cells.Add(field.ToString());
                field.Clear();
                AddRow(rows, rowNumber++, cells, options);
                cells.Clear();
                if (i >= text.Length - 1)
                {
                    break;
                }
            }
            else
            {
                field.Append(c);
            }
        }

        return new RawSheet(rows);
    }

    private static void AddRow(List<SheetRow> rows, int rowNumber, List<string> cells, UploadOptions options)
    {
        if (cells.All(string.IsNullOrWhiteSpace))
        {
            return;
        }

        rows.Add(new SheetRow(rowNumber, cells.Take(CellLimits.MaxColumns).ToArray()));
        if (rows.Count > options.MaxRows + 1)
        {
            throw new UploadRejectedException(StatusCodes.Status400BadRequest, "title.bad-request", "too-many-rows", options.MaxRows);
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
