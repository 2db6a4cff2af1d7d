namespace Invitations.Api.Uploads.Parsing.Xlsx;

/// <summary>The cell styles (cellXfs indexes) whose number format is a date: the built-in ones, and custom ones with d, m or y as a format letter.</summary>
internal static class XlsxDateStyles
{
    public static HashSet<int> Read(XlsxPackage package, string? path)
    {
        var dates = new HashSet<int>();
        using var reader = path is null ? null : package.OpenPart(path);
        if (reader is null)
        {
            return dates;
        }

        var custom = new HashSet<string>(StringComparer.Ordinal);
        var inCellFormats = false;
        var index = 0;
        while (reader.Read())
        {
            if (reader.IsStart("numFmt") && reader.Attribute("numFmtId") is { } id && IsDateFormat(reader.Attribute("formatCode")))
            {
                custom.Add(id);
            }
            else if (reader.IsStart("cellXfs"))
            {
                inCellFormats = !reader.IsEmptyElement;
            }
            else if (reader.NodeType == System.Xml.XmlNodeType.EndElement && reader.LocalName == "cellXfs")
            {
                inCellFormats = false;
            }
            else if (inCellFormats && reader.IsStart("xf"))
            {
                var format = reader.Attribute("numFmtId");
                if (format is not null && (IsBuiltInDate(format) || custom.Contains(format)))
                {
                    dates.Add(index);
                }

                index++;
            }
        }

        return dates;
    }

    private static bool IsBuiltInDate(string id) =>
        int.TryParse(id, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n)
        && IsBuiltInDate(n);

    /// <summary>The built-in number formats that are dates (also what an .xlsb's BrtXF names).</summary>
    internal static bool IsBuiltInDate(int id) => id is >= 14 and <= 22 or >= 45 and <= 47;

    /// <summary>A custom format code with d, m or y as a format letter (not quoted, bracketed or escaped).</summary>
    internal static bool IsDateFormat(string? code)
    {
        if (string.IsNullOrEmpty(code))
        {
            return false;
        }

        // Not inside "text", [colours and conditions], or after a \ escape.
        var quoted = false;
        var bracketed = false;
        var escaped = false;
        foreach (var c in code)
        {
            if (escaped)
            {
                escaped = false;
            }
            else if (c == '\\' && !quoted)
            {
                escaped = true;
            }
            else if (c == '"')
            {
                quoted = !quoted;
            }
            else if (!quoted && c is '[' or ']')
            {
                bracketed = c == '[';
            }
            else if (!quoted && !bracketed && char.ToLowerInvariant(c) is 'd' or 'm' or 'y')
            {
                return true;
            }
        }

        return false;
    }
}
