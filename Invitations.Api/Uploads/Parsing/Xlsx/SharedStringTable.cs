namespace Invitations.Api.Uploads.Parsing.Xlsx;

/// <summary>
/// A workbook's shared strings, under the bounds of <see cref="SheetLimits"/> whatever the part is written in: at most
/// <see cref="SheetLimits.MaxSharedStrings"/> strings (the next one is not even read) and
/// <see cref="SheetLimits.MaxSharedStringCharacters"/> characters of them. Past a bound the table stops, and
/// <see cref="Overflow"/> says why (the caller decides whether that is an error: see <see cref="PackagedWorkbookReader"/>).
/// </summary>
internal sealed record SharedStringTable(List<string> Strings, string? Overflow)
{
    public static SharedStringTable None() => new([], null);

    /// <param name="moveNext">Moves to the next string of the part; false at its end.</param>
    /// <param name="read">Reads the string moved to, already cut at the longest cell kept.</param>
    public static SharedStringTable Collect(SheetLimits limits, Func<bool> moveNext, Func<string> read)
    {
        var strings = new List<string>();
        long characters = 0;
        while (moveNext())
        {
            if (strings.Count >= limits.MaxSharedStrings)
            {
                return new SharedStringTable(strings, $"more than {limits.MaxSharedStrings} shared strings");
            }

            var text = read();
            characters += text.Length;
            if (characters > limits.MaxSharedStringCharacters)
            {
                return new SharedStringTable(strings, $"more than {limits.MaxSharedStringCharacters} characters of shared strings");
            }

            strings.Add(text);
        }

        return new SharedStringTable(strings, null);
    }
}
