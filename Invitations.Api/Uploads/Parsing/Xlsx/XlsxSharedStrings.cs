using System.Text;

namespace Invitations.Api.Uploads.Parsing.Xlsx;

/// <summary>
/// The shared string table, each string cut at the longest cell we keep; more strings or more characters than a
/// dealer list could need refuse the file. Rich text reads as its runs in order; phonetic hints (rPh) are left out.
/// </summary>
internal static class XlsxSharedStrings
{
    public static List<string> Read(XlsxPackage package, string? path)
    {
        var strings = new List<string>();
        using var reader = path is null ? null : package.OpenPart(path);
        if (reader is null)
        {
            return strings;
        }

        long characters = 0;
        var text = new StringBuilder();
        while (reader.Read())
        {
            if (!reader.IsStart("si"))
            {
                continue;
            }

            if (strings.Count >= XlsxLimits.MaxSharedStrings)
            {
                throw ParseBudget.TooComplex(path!, $"more than {XlsxLimits.MaxSharedStrings} shared strings");
            }

            text.Clear();
            reader.ReadText(text, package.Budget.MaxKeptCellLength, skip: "rPh");
            characters += text.Length;
            if (characters > XlsxLimits.MaxSharedStringCharacters)
            {
                throw ParseBudget.TooComplex(path!, $"more than {XlsxLimits.MaxSharedStringCharacters} characters of shared strings");
            }

            strings.Add(text.Length == 0 ? string.Empty : text.ToString());
        }

        return strings;
    }
}
