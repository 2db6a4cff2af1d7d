using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace Invitations.Api.Tests.Uploads;

/// <summary>
/// Excel Binary Workbooks written by the tests record by record ([MS-XLSB]: a 1–2 byte type and a 1–4 byte size of
/// 7 bits each, then the payload), so any record can be made hostile while the rest is a valid workbook.
/// </summary>
internal static class XlsbFiles
{
    public const int BeginSst = 159;

    /// <summary>A workbook of <paramref name="sheets"/> (name, hidden, the sheet's records) and a shared string table.</summary>
    public static byte[] Create(
        IReadOnlyList<(string Name, bool Hidden, XlsbSheet Sheet)> sheets, IReadOnlyList<string>? sharedStrings = null, byte[]? sharedStringsPart = null,
        byte[]? stylesPart = null)
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            var overrides = string.Concat(sheets.Select((_, i) => $"""<Override PartName="/xl/worksheets/sheet{i + 1}.bin" ContentType="application/vnd.ms-excel.worksheet"/>"""));
            Part(zip, "[Content_Types].xml", Encoding.UTF8.GetBytes($"""<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="bin" ContentType="application/vnd.ms-excel.sheet.binary.macroEnabled.main"/>{overrides}</Types>"""));
            Part(zip, "_rels/.rels", Encoding.UTF8.GetBytes("""<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.bin"/></Relationships>"""));
            var relationships = string.Concat(sheets.Select((_, i) => $"""<Relationship Id="rId{i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet{i + 1}.bin"/>"""));
            Part(zip, "xl/_rels/workbook.bin.rels", Encoding.UTF8.GetBytes($"""<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">{relationships}<Relationship Id="rIdS" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.bin"/><Relationship Id="rIdY" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.bin"/></Relationships>"""));

            var workbook = new MemoryStream();
            Record(workbook, 131, []);
            Record(workbook, 143, []);
            for (var i = 0; i < sheets.Count; i++)
            {
                var payload = new MemoryStream();
                UInt32(payload, sheets[i].Hidden ? 1u : 0u);
                UInt32(payload, (uint)(i + 1));
                WideString(payload, $"rId{i + 1}");
                WideString(payload, sheets[i].Name);
                Record(workbook, 156, payload.ToArray());
            }

            Record(workbook, 144, []);
            Record(workbook, 132, []);
            Part(zip, "xl/workbook.bin", workbook.ToArray());
            for (var i = 0; i < sheets.Count; i++)
            {
                Part(zip, $"xl/worksheets/sheet{i + 1}.bin", sheets[i].Sheet.ToArray());
            }

            if (sharedStringsPart is not null || sharedStrings is not null)
            {
                Part(zip, "xl/sharedStrings.bin", sharedStringsPart ?? SharedStrings(sharedStrings!));
            }

            if (stylesPart is not null)
            {
                Part(zip, "xl/styles.bin", stylesPart);
            }
        }

        return stream.ToArray();
    }

    /// <summary>
    /// A styles part whose cell formats are <paramref name="formats"/> (number format ids), with custom format 164 as
    /// <paramref name="customCode"/>; a style index into it is a cell's style.
    /// </summary>
    public static byte[] Styles(string customCode, params ushort[] formats)
    {
        var part = new MemoryStream();
        var format = new MemoryStream();
        format.Write(BitConverter.GetBytes((ushort)164));
        WideString(format, customCode);
        Record(part, 44, format.ToArray());
        Record(part, 617, [.. BitConverter.GetBytes((uint)formats.Length)]);
        foreach (var id in formats)
        {
            Record(part, 47, [.. BitConverter.GetBytes((ushort)0xFFFF), .. BitConverter.GetBytes(id), .. new byte[12]]);
        }

        Record(part, 618, []);
        return part.ToArray();
    }

    /// <summary>One visible sheet named Bayiler.</summary>
    public static byte[] Create(XlsbSheet sheet, IReadOnlyList<string>? sharedStrings = null) => Create([("Bayiler", false, sheet)], sharedStrings);

    public static byte[] SharedStrings(IReadOnlyList<string> strings)
    {
        var part = new MemoryStream();
        var header = new MemoryStream();
        UInt32(header, (uint)strings.Count);
        UInt32(header, (uint)strings.Count);
        Record(part, BeginSst, header.ToArray());
        foreach (var s in strings)
        {
            var item = new MemoryStream();
            item.WriteByte(0);
            WideString(item, s);
            Record(part, 19, item.ToArray());
        }

        Record(part, 160, []);
        return part.ToArray();
    }

    public static void Record(Stream stream, int type, ReadOnlySpan<byte> payload) => Record(stream, type, payload.Length, payload);

    /// <summary>A record whose header may claim another size than its payload's.</summary>
    public static void Record(Stream stream, int type, int size, ReadOnlySpan<byte> payload)
    {
        Varint(stream, type);
        Varint(stream, size);
        stream.Write(payload);
    }

    public static void UInt32(Stream stream, uint value)
    {
        Span<byte> bytes = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(bytes, value);
        stream.Write(bytes);
    }

    public static void WideString(Stream stream, string value)
    {
        UInt32(stream, (uint)value.Length);
        stream.Write(Encoding.Unicode.GetBytes(value));
    }

    private static void Varint(Stream stream, int value)
    {
        do
        {
            var b = value & 0x7F;
            value >>= 7;
            stream.WriteByte((byte)(value > 0 ? b | 0x80 : b));
        }
        while (value > 0);
    }

    private static void Part(ZipArchive zip, string name, byte[] content)
    {
        using var entry = zip.CreateEntry(name, CompressionLevel.Fastest).Open();
        entry.Write(content);
    }
}
