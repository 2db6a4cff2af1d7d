using System.Text.Json;
using Invitations.Testing.Sponsors;

namespace Invitations.Benchmarks.Readers;

/// <summary>The files compared: the corpus (tests/Corpus), the hostile workbooks, and 2,000 and 50,000 dealers.</summary>
public static class ReaderCases
{
    /// <summary>The hostile workbooks the issue names (the upload tests have more; these are the ones that broke readers).</summary>
    private static readonly string[] Hostile =
    [
        "100,000 nested elements in a cell", "100,000 nested elements in sharedStrings", "3,000,000 empty cells in a row",
        "2,000,000 elements in sheetData", "3,000,000 shared strings", "1,000,000 empty rows", "a 20,000,000-character cell", "a DTD",
        "a duplicate row number", "a decreasing row number", "row r past int.MaxValue",
    ];

    public static List<ReaderCase> Write(string folder, string? corpus)
    {
        Directory.CreateDirectory(folder);
        var cases = new List<ReaderCase>();
        if (corpus is not null && File.Exists(System.IO.Path.Combine(corpus, "manifest.json")))
        {
            using var manifest = JsonDocument.Parse(File.ReadAllText(System.IO.Path.Combine(corpus, "manifest.json")));
            var rows = manifest.RootElement.EnumerateArray()
                .Where(e => e.TryGetProperty("rows", out _))
                .ToDictionary(e => e.GetProperty("file").GetString()!, e => e.GetProperty("rows").GetInt32());
            foreach (var entry in manifest.RootElement.EnumerateArray())
            {
                var file = entry.GetProperty("file").GetString()!;
                var extension = System.IO.Path.GetExtension(file);
                if (extension is not (".xlsx" or ".xlsm" or ".xls" or ".xlsb"))
                {
                    continue;
                }

                // An .xlsb holds the dealers its writer's .xlsx holds.
                var twin = System.IO.Path.ChangeExtension(file, ".xlsx");
                var expected = rows.TryGetValue(file, out var n) ? n : rows.TryGetValue(twin, out var t) ? t : (int?)null;
                cases.Add(new ReaderCase("corpus", file, System.IO.Path.Combine(corpus, file), expected, 2_000, 3,
                    extension == ".xlsb" ? System.IO.Path.Combine(corpus, twin) : null));
            }
        }

        var all = HostileWorkbooks.All().ToDictionary(c => c.Case, c => c.File);
        foreach (var name in Hostile)
        {
            cases.Add(Save(folder, "hostile", name, all[name], null));
        }

        var lower = HostileWorkbook.Create(w => w.Write(HostileWorkbook.Header.Replace("r=\"A1\"", "r=\"a1\"", StringComparison.Ordinal)
            + HostileWorkbook.Row("2", 1, "lower") + HostileWorkbook.Row("3", 2, "lower")));
        cases.Add(Save(folder, "hostile", "lower-case cell references (Excel opens it: read)", lower, 2));

        foreach (var size in new[] { 2_000, 50_000 })
        {
            var path = System.IO.Path.Combine(folder, $"dealers-{size}.xlsx");
            File.WriteAllBytes(path, DealerFile.Create(size));
            cases.Add(new ReaderCase("size", $"{size:N0} dealers (ClosedXML)", path, size, size, 3));
        }

        return cases;
    }

    private static ReaderCase Save(string folder, string group, string name, byte[] file, int? expected)
    {
        var path = System.IO.Path.Combine(folder, $"{group}-{new string(name.Where(char.IsAsciiLetterOrDigit).ToArray())}.xlsx");
        File.WriteAllBytes(path, file);
        return new ReaderCase(group, name, path, expected, 2_000, 0);
    }
}
