using System.Text;

namespace Invitations.Api.Uploads.Parsing.Xlsx;

/// <summary>
/// The shared string table, each string cut at the longest cell we keep. Rich text reads as its runs in order;
/// phonetic hints (rPh) are left out. Reading stops at <see cref="SheetLimits.MaxSharedStrings"/> strings or
/// <see cref="SheetLimits.MaxSharedStringCharacters"/> characters and says so in <see cref="SharedStringTable.Overflow"/>: the sheet is
/// read first to tell a file with too many rows (the rows message, with the limit) from one that is too complex.
/// </summary>
internal static class XlsxSharedStrings
{
    public static SharedStringTable Read(XlsxPackage package, string? path)
    {
        using var reader = path is null ? null : package.OpenPart(path);
        if (reader is null)
        {
            return SharedStringTable.None();
        }

        var text = new StringBuilder();
        return SharedStringTable.Collect(
            package.Budget.Limits,
            () =>
            {
                while (reader.Read())
                {
                    if (reader.IsStart("si"))
                    {
                        return true;
                    }
                }

                return false;
            },
            () =>
            {
                text.Clear();
                reader.ReadText(text, package.Budget.MaxKeptCellLength, skip: "rPh");
                return text.Length == 0 ? string.Empty : text.ToString();
            });
    }
}
