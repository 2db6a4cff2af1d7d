namespace Invitations.Api.Uploads.Parsing.Xlsx;

/// <summary>The workbook's visible worksheets in tab order, and where its shared strings and styles are.</summary>
internal sealed record XlsxWorkbookParts(IReadOnlyList<string> VisibleSheets, string? SharedStrings, string? Styles)
{
    public static XlsxWorkbookParts Read(XlsxPackage package)
    {
        var workbook = package.Workbook();
        var relationships = package.Relationships(XlsxPackage.RelationshipsOf(workbook), XlsxPackage.FolderOf(workbook));
        var targets = relationships.Where(r => r.Target is not null).GroupBy(r => r.Id).ToDictionary(g => g.Key, g => g.First());
        var sheets = new List<string>();
        using (var reader = package.OpenPart(workbook) ?? throw new UploadRejectedException(StatusCodes.Status400BadRequest, "title.corrupt", "corrupt"))
        {
            while (reader.Read())
            {
                // Hidden sheets hold drop-down lists and lookups, never the dealers a sponsor sees.
                if (reader.IsStart("sheet")
                    && reader.Attribute("state") is null or "visible"
                    && reader.Attribute("id") is { } id
                    && targets.TryGetValue(id, out var target) && target.Type == "worksheet")
                {
                    sheets.Add(target.Target!);
                }
            }
        }

        return new XlsxWorkbookParts(
            sheets,
            relationships.FirstOrDefault(r => r.Type == "sharedStrings").Target,
            relationships.FirstOrDefault(r => r.Type == "styles").Target);
    }
}
