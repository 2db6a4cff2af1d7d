namespace Invitations.Api.Uploads.Parsing;

/// <summary>
/// Finds the header among the sheet's first rows (a title or blank rows may sit above it) and the columns by its
/// names, or falls back to the seed's order when none of the first rows names a column. Rows above the header are
/// not dealers; a row with none of the five dealer fields (a pre-filled "Sıra No" alone) is empty.
/// </summary>
public static class SheetMapper
{
    /// <summary>Non-empty rows looked at for the header.</summary>
    public const int HeaderSearchRows = 10;

    /// <summary>What a reader needs to keep: the header's search window plus one dealer too many, to tell the file is too long.</summary>
    public static int MaxRowsRead(UploadOptions options) => options.MaxRows + HeaderSearchRows + 1;

    /// <summary>
    /// The header's index: the first of the first rows naming two of our columns, else a first row naming one
    /// (the old rule, kept for one-column files); null when none does.
    /// </summary>
    public static int? FindHeader(IReadOnlyList<SheetRow> rows)
    {
        for (var i = 0; i < Math.Min(rows.Count, HeaderSearchRows); i++)
        {
            if (rows[i].Cells.Select(HeaderNames.Match).OfType<DealerColumn>().Distinct().Count() >= 2)
            {
                return i;
            }
        }

        return rows.Count > 0 && rows[0].Cells.Any(c => HeaderNames.Match(c) is not null) ? 0 : null;
    }

    public static MappedSheet Map(RawSheet sheet, UploadRequestOptions request)
    {
        if (sheet.Rows.Count == 0)
        {
            return new MappedSheet(null, [], []);
        }

        var positions = new Dictionary<DealerColumn, int>();
        SheetRow? header = null;
        IEnumerable<SheetRow> dataRows = sheet.Rows;
        if (FindHeader(sheet.Rows) is { } index)
        {
            header = sheet.Rows[index];
            dataRows = sheet.Rows.Skip(index + 1);
            for (var i = 0; i < header.Cells.Count; i++)
            {
                if (HeaderNames.Match(header.Cells[i]) is { } column)
                {
                    positions.TryAdd(column, i);
                }
            }
        }
        else
        {
            foreach (var column in Enum.GetValues<DealerColumn>())
            {
                positions[column] = (int)column;
            }
        }

        var missing = Required(request).Where(c => !positions.ContainsKey(c)).ToList();
        var rows = dataRows.Select(r => new DealerRowInput(
                r.RowNumber,
                Cell(r, positions, DealerColumn.Email),
                Cell(r, positions, DealerColumn.Phone),
                Cell(r, positions, DealerColumn.DealerName),
                Cell(r, positions, DealerColumn.CodeCount),
                Cell(r, positions, DealerColumn.Tier),
                r.Cells))
            .Where(r => !IsEmpty(r))
            .ToList();
        return new MappedSheet(header, rows, missing);
    }

    private static bool IsEmpty(DealerRowInput row) =>
        string.IsNullOrWhiteSpace(row.Email) && string.IsNullOrWhiteSpace(row.Phone) && string.IsNullOrWhiteSpace(row.DealerName)
        && string.IsNullOrWhiteSpace(row.CodeCount) && string.IsNullOrWhiteSpace(row.Tier);

    private static IEnumerable<DealerColumn> Required(UploadRequestOptions request)
    {
        yield return DealerColumn.Email;
        yield return DealerColumn.Phone;
        yield return DealerColumn.DealerName;
        if (request.UseRowSpecificCounts)
        {
            yield return DealerColumn.CodeCount;
        }

        if (request.DefaultTier is null)
        {
            yield return DealerColumn.Tier;
        }
    }

    private static string Cell(SheetRow row, Dictionary<DealerColumn, int> positions, DealerColumn column) =>
        positions.TryGetValue(column, out var i) && i < row.Cells.Count ? row.Cells[i] : string.Empty;
}
