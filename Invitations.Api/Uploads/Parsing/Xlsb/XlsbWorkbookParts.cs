using Invitations.Api.Uploads.Parsing.Xlsx;

namespace Invitations.Api.Uploads.Parsing.Xlsb;

/// <summary>
/// The binary workbook's visible worksheets in tab order (BrtBundleSh records, resolved through
/// <c>xl/_rels/workbook.bin.rels</c>), and where its shared strings and styles are.
/// </summary>
internal sealed record XlsbWorkbookParts(IReadOnlyList<string> VisibleSheets, string? SharedStrings, string? Styles)
{
    /// <summary>Relationship ids are a few characters (<c>rId12</c>); a longer one is cut, and matches nothing.</summary>
    private const int MaxRelationshipId = 255;

    public static XlsbWorkbookParts Read(XlsxPackage package)
    {
        var workbook = package.Workbook();
        var relationships = package.Relationships(XlsxPackage.RelationshipsOf(workbook), XlsxPackage.FolderOf(workbook));
        var targets = relationships.Where(r => r.Target is not null).GroupBy(r => r.Id).ToDictionary(g => g.Key, g => g.First());
        var sheets = new List<string>();
        using (var reader = XlsbSheetReader.OpenPart(package, workbook) ?? throw XlsbSheetReader.Corrupt())
        {
            while (reader.Next())
            {
                if (reader.Type != XlsbRecords.BundleSh)
                {
                    continue;
                }

                // hsState: 0 visible, 1 hidden, 2 very hidden. Hidden sheets hold drop-down lists and lookups.
                var state = reader.UInt32();
                reader.UInt32();
                var id = reader.NullableWideString(MaxRelationshipId);
                if (state == 0 && id is not null && targets.TryGetValue(id, out var target) && target.Type == "worksheet")
                {
                    sheets.Add(target.Target!);
                }
            }
        }

        return new XlsbWorkbookParts(
            sheets,
            relationships.FirstOrDefault(r => r.Type == "sharedStrings").Target,
            relationships.FirstOrDefault(r => r.Type == "styles").Target);
    }
}
