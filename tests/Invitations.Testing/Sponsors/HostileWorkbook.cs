using System.Globalization;
using System.IO.Compression;
using System.Text;

namespace Invitations.Testing.Sponsors;

/// <summary>
/// Small .xlsx packages written part by part, so any one part can be made hostile (deep nesting, millions of
/// elements, absurd references) while the rest is a valid workbook, built by the tests.
/// Each part is streamed into the zip, so a part of millions of elements costs the test no memory.
/// </summary>
public static class HostileWorkbook
{
    public const string Header = """<row r="1"><c r="A1" t="inlineStr"><is><t>Email</t></is></c><c r="B1" t="inlineStr"><is><t>Phone</t></is></c><c r="C1" t="inlineStr"><is><t>DealerName</t></is></c><c r="D1" t="inlineStr"><is><t>Tier</t></is></c></row>""";

    private const string Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

    /// <summary>A valid workbook of one sheet whose sheetData is <paramref name="rows"/>; any part may be given instead.</summary>
    public static byte[] Create(
        Action<TextWriter>? rows = null, Action<TextWriter>? sharedStrings = null, Action<TextWriter>? workbook = null,
        Action<TextWriter>? styles = null)
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            Part(zip, "[Content_Types].xml", w => w.Write("""<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>"""));
            Part(zip, "_rels/.rels", w => w.Write("""<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"""));
            Part(zip, "xl/_rels/workbook.xml.rels", w => w.Write("""<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>"""));
            Part(zip, "xl/workbook.xml", workbook ?? (w => w.Write($"""<workbook xmlns="{Main}" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Bayiler" sheetId="1" r:id="rId1"/></sheets></workbook>""")));
            Part(zip, "xl/styles.xml", styles ?? (w => w.Write($"""<styleSheet xmlns="{Main}"><cellXfs count="1"><xf numFmtId="0"/></cellXfs></styleSheet>""")));
            Part(zip, "xl/sharedStrings.xml", sharedStrings ?? (w => w.Write($"""<sst xmlns="{Main}"><si><t>shared</t></si></sst>""")));
            Part(zip, "xl/worksheets/sheet1.xml", w =>
            {
                w.Write($"""<worksheet xmlns="{Main}"><sheetData>""");
                (rows ?? (r => r.Write(Header)))(w);
                w.Write("</sheetData></worksheet>");
            });
        }

        return stream.ToArray();
    }

    /// <summary><paramref name="count"/> elements named <paramref name="name"/>, each inside the one before.</summary>
    public static void Nested(TextWriter writer, string name, int count)
    {
        for (var i = 0; i < count; i++)
        {
            writer.Write('<');
            writer.Write(name);
            writer.Write('>');
        }

        for (var i = 0; i < count; i++)
        {
            writer.Write("</");
            writer.Write(name);
            writer.Write('>');
        }
    }

    public static void Repeat(TextWriter writer, string xml, int count)
    {
        for (var i = 0; i < count; i++)
        {
            writer.Write(xml);
        }
    }

    /// <summary>A dealer row as XML, with the row and cell references given as they are (any case, any value).</summary>
    public static string Row(string rowReference, int dealer, string? columnCase = null)
    {
        var n = rowReference;
        string Ref(string column) => (columnCase == "lower" ? column.ToLowerInvariant() : column) + n;
        return string.Create(CultureInfo.InvariantCulture, $"""<row r="{n}"><c r="{Ref("A")}" t="inlineStr"><is><t>d{dealer}@ornek.com</t></is></c><c r="{Ref("B")}" t="inlineStr"><is><t>0532 {1_000_000 + dealer:000 00 00}</t></is></c><c r="{Ref("C")}" t="inlineStr"><is><t>Bayi {dealer}</t></is></c><c r="{Ref("D")}" t="inlineStr"><is><t>M</t></is></c></row>""");
    }

    private static void Part(ZipArchive zip, string name, Action<TextWriter> write)
    {
        using var writer = new StreamWriter(zip.CreateEntry(name, CompressionLevel.SmallestSize).Open(), new UTF8Encoding(false), 1 << 16);
        write(writer);
    }
}
