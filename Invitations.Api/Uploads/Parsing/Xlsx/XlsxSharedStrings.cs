using System.Text;

namespace Invitations.Api.Uploads.Parsing.Xlsx;

/// <summary>
/// The shared string table, each string cut at the longest cell we keep. Rich text reads as its runs in order;
/// phonetic hints (rPh) are left out. Reading stops at <see cref="SheetLimits.MaxSharedStrings"/> strings or
/// <see cref="SheetLimits.MaxSharedStringCharacters"/> characters and says so in <see cref="Overflow"/>: the sheet is
/// read first to tell a file with too many rows (the rows message, with the limit) from one that is too complex.
/// </summary>
internal sealed record XlsxSharedStrings(List<string> Strings, string? Overflow)
{
    public static XlsxSharedStrings Read(XlsxPackage package, string? path)
    {
        var strings = new List<string>();
        using var reader = path is null ? null : package.OpenPart(path);
        if (reader is null)
        {
            return new XlsxSharedStrings(strings, null);
        }

        var limits = package.Budget.Limits;
        long characters = 0;
        var text = new StringBuilder();
        while (reader.Read())
        {
            if (!reader.IsStart("si"))
            {
                continue;
            }

            if (strings.Count >= limits.MaxSharedStrings)
            {
                return new XlsxSharedStrings(strings, $"more than {limits.MaxSharedStrings} shared strings");
            }

            text.Clear();
            reader.ReadText(text, package.Budget.MaxKeptCellLength, skip: "rPh");
            characters += text.Length;
            if (characters > limits.MaxSharedStringCharacters)
            {
                return new XlsxSharedStrings(strings, $"more than {limits.MaxSharedStringCharacters} characters of shared strings");
            }

            strings.Add(text.Length == 0 ? string.Empty : text.ToString());
        }

        return new XlsxSharedStrings(strings, null);
    }
}
