namespace Invitations.Api.Uploads.Parsing.Xlsb;

/// <summary>
/// The binary shared string table (BrtSSTItem records: a RichStr, whose text is kept and whose runs and phonetic
/// parts are skipped), bounded as <see cref="Xlsx.XlsxSharedStrings"/>: each string cut at the longest cell we keep,
/// the count the table's header claims never trusted, and reading stopped at <see cref="SheetLimits.MaxSharedStrings"/>
/// strings or <see cref="SheetLimits.MaxSharedStringCharacters"/> characters with the reason in <see cref="Overflow"/>.
/// </summary>
internal sealed record XlsbSharedStrings(List<string> Strings, string? Overflow)
{
    public static XlsbSharedStrings Read(Xlsx.XlsxPackage package, string? path)
    {
        var strings = new List<string>();
        using var reader = path is null ? null : XlsbSheetReader.OpenPart(package, path);
        if (reader is null)
        {
            return new XlsbSharedStrings(strings, null);
        }

        var limits = package.Budget.Limits;
        long characters = 0;
        while (reader.Next())
        {
            if (reader.Type != XlsbRecords.SstItem)
            {
                continue;
            }

            if (strings.Count >= limits.MaxSharedStrings)
            {
                return new XlsbSharedStrings(strings, $"more than {limits.MaxSharedStrings} shared strings");
            }

            reader.Byte();
            var text = reader.WideString(package.Budget.MaxKeptCellLength);
            characters += text.Length;
            if (characters > limits.MaxSharedStringCharacters)
            {
                return new XlsbSharedStrings(strings, $"more than {limits.MaxSharedStringCharacters} characters of shared strings");
            }

            strings.Add(text);
        }

        return new XlsbSharedStrings(strings, null);
    }
}
