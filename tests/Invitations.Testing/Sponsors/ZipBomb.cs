using System.IO.Compression;

namespace Invitations.Testing.Sponsors;

/// <summary>A tiny zip with OOXML names whose sheet inflates to a given size of zeros (it says so in its headers).</summary>
public static class ZipBomb
{
    public static byte[] Create(long inflatedBytes)
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            using (var types = new StreamWriter(zip.CreateEntry("[Content_Types].xml").Open()))
            {
                types.Write("<Types/>");
            }

            using (var workbook = new StreamWriter(zip.CreateEntry("xl/workbook.xml").Open()))
            {
                workbook.Write("<workbook/>");
            }

            using var sheet = zip.CreateEntry("xl/worksheets/sheet1.xml", CompressionLevel.SmallestSize).Open();
            var zeros = new byte[1024 * 1024];
            for (long written = 0; written < inflatedBytes; written += zeros.Length)
            {
                sheet.Write(zeros);
            }
        }

        return stream.ToArray();
    }
}
