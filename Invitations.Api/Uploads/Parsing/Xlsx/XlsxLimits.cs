namespace Invitations.Api.Uploads.Parsing.Xlsx;

/// <summary>
/// What a dealer list can need, with room to spare; past these a part is refused (400), never read on.
/// Each bound keeps one part's parse under ~0.3 s and its memory to a few tens of MB (docs/RELIABILITY.md).
/// </summary>
internal static class XlsxLimits
{
    /// <summary>Real parts nest 6–10 deep (worksheet/sheetData/row/c/is/r/t, extLst blocks).</summary>
    public const int MaxDepth = 32;

    /// <summary>
    /// A 2,000-row sheet of 30 inline-string columns is 180,000; XmlReader takes ~1 µs an element on this machine
    /// under load, so this bound alone keeps a part under ~0.4 s.
    /// </summary>
    public const int MaxElementsPerPart = 300_000;

    /// <summary>Of one part's XML: a 2,000-row, 30-column sheet is under 5 M.</summary>
    public const long MaxCharactersPerPart = 8_000_000;

    /// <summary>Excel's own limits: columns A..XFD, rows 1..1,048,576.</summary>
    public const int MaxColumn = 16_384;
    public const int MaxRow = 1_048_576;

    public const int MaxSharedStrings = 100_000;

    /// <summary>Characters kept over all shared strings (each cut at the longest cell we keep).</summary>
    public const long MaxSharedStringCharacters = 8_000_000;

    /// <summary>Visible sheets looked at for a header before the first one is taken as it is.</summary>
    public const int MaxSheetsTried = 10;
}
