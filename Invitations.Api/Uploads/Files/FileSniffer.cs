using System.IO.Compression;
using System.Text;
using Invitations.Api.Uploads.Parsing;

namespace Invitations.Api.Uploads.Files;

/// <summary>
/// Decides what a file is from its bytes, never from its name: an OOXML workbook (a zip holding the
/// workbook parts) or UTF-8 text for CSV. A zip whose parts would inflate past the limit is refused
/// here, from the central directory, before anything is decompressed.
/// </summary>
public static class FileSniffer
{
    private static readonly byte[] ZipMagic = [0x50, 0x4B, 0x03, 0x04];
    private static readonly byte[] EmptyZipMagic = [0x50, 0x4B, 0x05, 0x06];
    private static readonly byte[] OleMagic = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static FileKind Sniff(byte[] content, UploadOptions options)
    {
        var span = content.AsSpan();
        if (span.StartsWith(OleMagic))
        {
            // Excel 97-2003 (.xls) is a compound document; we do not parse it (see the README).
            throw new UploadRejectedException(StatusCodes.Status415UnsupportedMediaType, "title.unsupported", "legacy-xls");
        }

        if (span.StartsWith(ZipMagic) || span.StartsWith(EmptyZipMagic))
        {
            CheckWorkbookZip(content, options);
            return FileKind.Xlsx;
        }

        if (content.Length == 0 || span.Contains((byte)0))
        {
            throw new UploadRejectedException(StatusCodes.Status415UnsupportedMediaType, "title.unsupported", "unsupported");
        }

        try
        {
            _ = StrictUtf8.GetCharCount(content);
        }
        catch (DecoderFallbackException)
        {
            throw new UploadRejectedException(StatusCodes.Status415UnsupportedMediaType, "title.unsupported", "not-utf8");
        }

        return FileKind.Csv;
    }

    private static void CheckWorkbookZip(byte[] content, UploadOptions options)
    {
        try
        {
            using var zip = new ZipArchive(new MemoryStream(content, writable: false), ZipArchiveMode.Read);
            if (zip.Entries.Count > options.MaxZipEntries)
            {
                throw new UploadRejectedException(StatusCodes.Status400BadRequest, "title.corrupt", "corrupt");
            }

            long total = 0;
            var hasContentTypes = false;
            var hasWorkbook = false;
            foreach (var entry in zip.Entries)
            {
                total += entry.Length;
                hasContentTypes |= entry.FullName == "[Content_Types].xml";
                hasWorkbook |= entry.FullName.StartsWith("xl/workbook", StringComparison.Ordinal);
            }

            if (total > options.MaxUncompressedBytes)
            {
                throw new UploadRejectedException(
                    StatusCodes.Status413PayloadTooLarge, "title.too-large", "inflates", options.MaxUncompressedBytes);
            }

            if (!hasContentTypes || !hasWorkbook)
            {
                throw new UploadRejectedException(StatusCodes.Status415UnsupportedMediaType, "title.unsupported", "unsupported");
            }
        }
        catch (InvalidDataException)
        {
            throw new UploadRejectedException(StatusCodes.Status400BadRequest, "title.corrupt", "corrupt");
        }
    }
}
