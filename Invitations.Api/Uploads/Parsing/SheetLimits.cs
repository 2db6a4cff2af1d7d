namespace Invitations.Api.Uploads.Parsing;

/// <summary>
/// Every bound a reader enforces on one file, in one place, derived from <see cref="UploadOptions"/>: what a sheet of
/// <see cref="UploadOptions.MaxRows"/> dealers (plus the rows the header search may pass over, plus one to tell the
/// file is too long: <see cref="RowsRead"/>) can need, with room to spare. Counts are per-row budgets × <see cref="RowsRead"/>,
/// so at the default 2,000 rows they are what they were when they were fixed numbers (300,000 elements, 8 M characters,
/// ~100,000 shared strings), and an operator who raises <c>Uploads:MaxRows</c> can upload a file that long. Past a
/// bound a part is refused (400), never read on; <see cref="UploadOptions.ParseTimeout"/> bounds the whole parse on top.
/// </summary>
public sealed record SheetLimits
{
    /// <summary>Excel's own limits: columns A..XFD, rows 1..1,048,576.</summary>
    public const int ExcelColumns = 16_384;
    public const int ExcelRows = 1_048_576;

    /// <summary>Columns beyond these are ignored: the five we read plus room for a sponsor's own notes.</summary>
    public const int MaxColumns = 30;

    /// <summary>Real parts nest 6–10 deep (worksheet/sheetData/row/c/is/r/t, extLst blocks).</summary>
    public const int MaxDepth = 32;

    /// <summary>Visible sheets looked at for a header before the first one is taken as it is.</summary>
    public const int MaxSheetsTried = 10;

    /// <summary>
    /// XML elements a row may spend: 30 inline-string columns are 91 (row + 30 × c/is/t), rich text and formulas a few
    /// more. XmlReader takes ~1 µs an element on a loaded 2-core machine, so at 2,000 rows a part stays under ~0.4 s.
    /// </summary>
    public const int ElementsPerRow = 150;

    /// <summary>Shared strings a row may add: its 30 read columns, plus strings of columns past them and ones no cell uses.</summary>
    public const int SharedStringsPerRow = 50;

    /// <summary>
    /// Characters of XML a row may spend: its markup (30 inline-string cells are ~1,200) plus two full cells of
    /// <see cref="UploadOptions.MaxCellLength"/>; 4,000 a row at the default 1,000, so a small MaxCellLength still leaves the markup room.
    /// </summary>
    public const int MarkupCharactersPerRow = 2_000;
    public const int FullCellsPerRow = 2;

    /// <summary>Non-empty rows a reader keeps: <see cref="SheetMapper.MaxRowsRead"/>.</summary>
    public required int RowsRead { get; init; }

    /// <summary>Elements in one package part; a sheet that stops at <see cref="RowsRead"/> rows never reaches it.</summary>
    public required int MaxElementsPerPart { get; init; }

    /// <summary>Characters of one part's XML (the XmlReader's own bound, which also stops a zip entry that lies about its size).</summary>
    public required long MaxCharactersPerPart { get; init; }

    public required int MaxSharedStrings { get; init; }

    /// <summary>Characters kept over all shared strings (each cut at the longest cell we keep).</summary>
    public required long MaxSharedStringCharacters { get; init; }

    public static SheetLimits From(UploadOptions options)
    {
        var rows = SheetMapper.MaxRowsRead(options);
        var characters = (long)rows * (MarkupCharactersPerRow + ((long)FullCellsPerRow * options.MaxCellLength));
        return new SheetLimits
        {
            RowsRead = rows,
            MaxElementsPerPart = rows * ElementsPerRow,
            MaxCharactersPerPart = characters,
            MaxSharedStrings = rows * SharedStringsPerRow,
            MaxSharedStringCharacters = characters,
        };
    }
}
