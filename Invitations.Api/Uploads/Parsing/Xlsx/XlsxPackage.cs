using System.IO.Compression;

namespace Invitations.Api.Uploads.Parsing.Xlsx;

/// <summary>
/// The parts of an .xlsx (or .xlsm, or Strict Open XML) that a dealer list needs, found through the package's
/// relationships by their type's last segment (so Transitional and Strict both match), every part read bounded.
/// </summary>
internal sealed class XlsxPackage(ZipArchive zip, ParseBudget budget) : IDisposable
{
    public ParseBudget Budget { get; } = budget;

    public static XlsxPackage Open(byte[] content, ParseBudget budget) =>
        new(new ZipArchive(new MemoryStream(content, writable: false), ZipArchiveMode.Read), budget);

    /// <summary>The workbook part's path, e.g. <c>xl/workbook.xml</c>.</summary>
    public string Workbook() =>
        Relationships("_rels/.rels", string.Empty).FirstOrDefault(r => r.Type == "officeDocument").Target
        ?? throw Corrupt();

    public BoundedXmlReader? OpenPart(string path)
    {
        var entry = zip.GetEntry(path);
        return entry is null ? null : new BoundedXmlReader(entry.Open(), path, Budget);
    }

    /// <summary>A part's zip entry, for the binary parts of an .xlsb (see <c>Xlsb/Biff12Reader</c>).</summary>
    public ZipArchiveEntry? Entry(string path) => zip.GetEntry(path);

    /// <summary>A part's relationships as (id, type's last segment, target resolved against the part's folder).</summary>
    public List<(string Id, string Type, string? Target)> Relationships(string relsPath, string baseFolder)
    {
        var relationships = new List<(string, string, string?)>();
        using var reader = OpenPart(relsPath);
        while (reader is not null && reader.Read())
        {
            if (reader.IsStart("Relationship")
                && reader.Attribute("Id") is { } id && reader.Attribute("Type") is { } type && reader.Attribute("Target") is { } target)
            {
                var external = string.Equals(reader.Attribute("TargetMode"), "External", StringComparison.OrdinalIgnoreCase);
                relationships.Add((id, type[(type.LastIndexOf('/') + 1)..], external ? null : Resolve(baseFolder, target)));
            }
        }

        return relationships;
    }

    public static string RelationshipsOf(string partPath)
    {
        var slash = partPath.LastIndexOf('/');
        return slash < 0 ? $"_rels/{partPath}.rels" : $"{partPath[..(slash + 1)]}_rels/{partPath[(slash + 1)..]}.rels";
    }

    public static string FolderOf(string partPath) => partPath[..(partPath.LastIndexOf('/') + 1)];

    public void Dispose() => zip.Dispose();

    private static string Resolve(string baseFolder, string target)
    {
        var path = target.StartsWith('/') ? target[1..] : baseFolder + target;
        var parts = new List<string>();
        foreach (var segment in path.Split('/'))
        {
            if (segment == "..")
            {
                if (parts.Count > 0)
                {
                    parts.RemoveAt(parts.Count - 1);
                }
            }
            else if (segment is not ("." or ""))
            {
                parts.Add(segment);
            }
        }

        return string.Join('/', parts);
    }

    private static UploadRejectedException Corrupt() => new(StatusCodes.Status400BadRequest, "title.corrupt", "corrupt");
}
