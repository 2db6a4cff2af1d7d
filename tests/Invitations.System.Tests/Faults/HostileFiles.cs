using System.Text;
using Invitations.Testing.Sponsors;

namespace Invitations.System.Tests.Faults;

/// <summary>The hostile and malformed uploads (a zip bomb, wrong formats, oversize files and cells, bad encodings, hostile workbooks), each with the file name a sponsor's browser would send.</summary>
internal static class HostileFiles
{
    public static IEnumerable<(string Case, string FileName, byte[] Content)> All()
    {
        yield return ("zip bomb (1 GiB declared)", "bomb.xlsx", ZipBomb.Create(1L << 30));
        yield return ("csv renamed to .xlsx", "dealers.xlsx", Utf8("Email;Phone;DealerName;Tier\nnot-an-email;0532 111 22 33;Bayi;M\n"));
        yield return ("random bytes", "dealers.xlsx", RandomBytes(64 * 1024));
        yield return ("empty file", "dealers.xlsx", []);
        yield return ("header-only xlsx", "dealers.xlsx", HeaderOnlyXlsx());
        yield return ("header-only csv", "dealers.csv", Utf8("Email;Phone;DealerName;CodeCount;Tier\n"));
        yield return ("2,001 rows", "dealers.xlsx", DealerFile.Create(2_001));
        yield return ("5 MB + 1 byte", "dealers.xlsx", new byte[(5 * 1024 * 1024) + 1]);
        yield return ("1 MB cell", "dealers.csv", Utf8($"Email;Phone;DealerName;Tier\na@ornek.com;05321112233;{new string('x', 1024 * 1024)};M\n"));
        yield return ("invalid UTF-8 csv", "dealers.csv", [.. Utf8("Email;Phone;DealerName;Tier\na@ornek.com;05321112233;Bayi "), 0xFE, 0xC3, 0x28, .. Utf8(";M\n")]);
        foreach (var (name, file) in HostileWorkbooks.All())
        {
            // Deep nesting, millions of elements, absurd references.
            yield return (name, "dealers.xlsx", file);
        }
    }

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    private static byte[] RandomBytes(int length)
    {
        var bytes = new byte[length];
        new Random(11).NextBytes(bytes);
        return bytes;
    }

    private static byte[] HeaderOnlyXlsx()
    {
        using var workbook = new ClosedXML.Excel.XLWorkbook();
        var sheet = workbook.AddWorksheet("Dealers");
        string[] header = ["Email", "Phone", "DealerName", "CodeCount", "Tier"];
        for (var c = 0; c < header.Length; c++)
        {
            sheet.Cell(1, c + 1).Value = header[c];
        }

        using var stream = new MemoryStream();
        workbook.SaveAs(stream);
        return stream.ToArray();
    }
}
