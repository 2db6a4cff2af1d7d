using System.Globalization;
using System.Text;

namespace Invitations.Benchmarks.Readers;

/// <summary>
/// The "Upload readers compared" section of docs/PERFORMANCE.md. It sits after the hand-written notes, which a full
/// run keeps; <c>--steps readers</c> rewrites this section alone, in place, up to the next <c>## </c> heading.
/// </summary>
public static class ReaderReport
{
    public const string Heading = "## Upload readers compared";

    public static string Render(IReadOnlyList<(ReaderCase Case, string Reader, ReaderResult Result)> results)
    {
        var inv = CultureInfo.InvariantCulture;
        var s = new StringBuilder();
        s.AppendLine(inv, $"{Heading} ({DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC)").AppendLine();
        s.AppendLine(inv, $"`--steps readers`: each read in a process of its own (killed after {ReaderComparison.Timeout.TotalSeconds:F0} s), on {Environment.ProcessorCount} cores.")
            .AppendLine("Ours with its shipped bounds (Uploads:MaxRows raised to the file's length for the 50,000 rows), the libraries as they come,")
            .AppendLine("each sheet then mapped by our own SheetMapper. Right = the expected dealer rows, with the same emails as ours.")
            .AppendLine("Time: median of 3 reads after a warm one (hostile files: one cold read, JIT included for all three; process start excluded); allocated: managed bytes of one read.").AppendLine();
        s.AppendLine("### Real sponsors' files (tests/Corpus) and long lists").AppendLine();
        s.AppendLine(inv, $"| file | dealers | {string.Join(" | ", LibraryReaders.Names)} |").AppendLine(inv, $"| --- | ---: |{string.Concat(LibraryReaders.Names.Select(_ => " --- |"))}");
        foreach (var group in results.Where(r => r.Case.Group != "hostile").GroupBy(r => r.Case))
        {
            s.AppendLine(inv, $"| {group.Key.Name} | {group.Key.ExpectedDealers?.ToString("N0", inv) ?? "?"} | {string.Join(" | ", group.Select(r => Good(results, r.Case, r.Result)))} |");
        }

        s.AppendLine().AppendLine("### Hostile workbooks (built by Invitations.Testing's HostileWorkbooks)").AppendLine();
        s.AppendLine(inv, $"| file | {string.Join(" | ", LibraryReaders.Names)} |").AppendLine(inv, $"| --- |{string.Concat(LibraryReaders.Names.Select(_ => " --- |"))}");
        foreach (var group in results.Where(r => r.Case.Group == "hostile").GroupBy(r => r.Case))
        {
            s.AppendLine(inv, $"| {group.Key.Name} | {string.Join(" | ", group.Select(r => Hostile(r.Case, r.Result)))} |");
        }

        return s.ToString();
    }

    /// <summary>The document with this section replaced (or appended when it is not there yet).</summary>
    public static string Replace(string document, string section)
    {
        var start = document.IndexOf(Heading, StringComparison.Ordinal);
        if (start < 0)
        {
            return document.TrimEnd() + Environment.NewLine + Environment.NewLine + section;
        }

        var next = document.IndexOf("\n## ", start + Heading.Length, StringComparison.Ordinal);
        return document[..start] + section + (next < 0 ? string.Empty : Environment.NewLine + document[(next + 1)..]);
    }

    private static string Good(IReadOnlyList<(ReaderCase Case, string Reader, ReaderResult Result)> all, ReaderCase c, ReaderResult r)
    {
        if (r.Outcome != "read")
        {
            return $"{r.Outcome}: {Escape(r.Message)}";
        }

        var reference = all.FirstOrDefault(x => x.Reader == "ours" && x.Case.Path == (c.ReferencePath ?? c.Path)).Result;
        var right = r.Dealers == c.ExpectedDealers && (reference is null || reference.Outcome != "read" || reference.Emails == r.Emails);
        return string.Create(CultureInfo.InvariantCulture, $"{(right ? "right" : $"**wrong: {r.Dealers} rows**")} · {r.Milliseconds:F1} ms · {r.AllocatedMb:F1} MB");
    }

    private static string Hostile(ReaderCase c, ReaderResult r) => r.Outcome switch
    {
        "refused" => string.Create(CultureInfo.InvariantCulture, $"refused · {r.Milliseconds:F0} ms · RSS {r.PeakRssMb:F0} MB"),
        "read" when c.ExpectedDealers is { } n => string.Create(CultureInfo.InvariantCulture, $"{(r.Dealers == n ? "read right" : $"**wrong: {r.Dealers} rows**")} · {r.Milliseconds:F0} ms"),
        "read" => string.Create(CultureInfo.InvariantCulture, $"**read, not refused** ({r.Dealers} rows) · {r.Milliseconds:F0} ms · RSS {r.PeakRssMb:F0} MB"),
        _ => $"**{r.Outcome}** ({Escape(r.Message)})",
    };

    private static string Escape(string? text) => (text ?? string.Empty).Replace("|", "\\|", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);
}
