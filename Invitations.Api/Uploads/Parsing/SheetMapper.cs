namespace Invitations.Api.Uploads.Parsing;

/// <summary>Finds the columns by the header's names, or falls back to the seed's order when the first row names none.</summary>
public static class SheetMapper
{
    public static MappedSheet Map(RawSheet sheet, UploadRequestOptions request)
    {
        if (sheet.Rows.Count == 0)
        {
            return new MappedSheet(null, [], []);
        }

        var first = sheet.Rows[0];
        var positions = new Dictionary<DealerColumn, int>();
        for (var i = 0; i < first.Cells.Count; i++)
        {
            if (HeaderNames.Match(first.Cells[i]) is { } column)
            {
                positions.TryAdd(column, i);
            }
        }

        SheetRow? header = first;
        var dataRows = sheet.Rows.Skip(1);
        if (positions.Count == 0)
        {
            header = null;
            dataRows = sheet.Rows;
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
            r.Cells)).ToList();
        return new MappedSheet(header, rows, missing);
    }

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
