using System.IO.Compression;
using System.Text;
using Invitations.Api.Uploads.Parsing;

namespace Invitations.Api.Uploads.Files;

/// <summary>
/// Decides what a file is from its bytes, never from its name: an OOXML workbook (a zip holding the
/// workbook parts, XML or a binary .xlsb's), an Excel 97-2003 compound document, or text for
/// CSV. A zip whose parts would inflate past the limit is refused here, from the central directory,
/// before anything is decompressed. An OpenDocument spreadsheet and a password-protected workbook
/// (Office encrypts an .xlsx into a compound document with an EncryptionInfo stream) are told apart
/// and refused with what to do instead.
/// </summary>
public static class FileSniffer
{
    private static readonly byte[] ZipMagic = [0x50, 0x4B, 0x03, 0x04];
    private static readonly byte[] EmptyZipMagic = [0x50, 0x4B, 0x05, 0x06];
    private static readonly byte[] OleMagic = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

    public static FileKind Sniff(byte[] content, UploadOptions options)
    {
        var span = content.AsSpan();
        if (span.StartsWith(OleMagic))
        {
            return CompoundDocument(span);
        }

        if (span.StartsWith(ZipMagic) || span.StartsWith(EmptyZipMagic))
        {
            return CheckWorkbookZip(content, options);
        }

        if (content.Length == 0 || span.Contains((byte)0))
        {
            throw new UploadRejectedException(StatusCodes.Status415UnsupportedMediaType, "title.unsupported", "unsupported");
        }

        // Text: UTF-8, or else Windows-1254 (CsvSheetReader decides which).
        return FileKind.Csv;
    }

    /// <summary>
    /// The stream names sit in the compound document's directory as UTF-16: an encrypted OOXML package has
    /// EncryptionInfo, a workbook has Workbook (Book in Excel 5); anything else (a .doc) is not a spreadsheet.
    /// </summary>
    private static FileKind CompoundDocument(ReadOnlySpan<byte> span)
    {
        if (span.IndexOf(Encoding.Unicode.GetBytes("EncryptionInfo")) >= 0)
        {
            throw new UploadRejectedException(StatusCodes.Status415UnsupportedMediaType, "title.encrypted", "encrypted");
        }

        return span.IndexOf(Encoding.Unicode.GetBytes("Workbook")) >= 0 || span.IndexOf(Encoding.Unicode.GetBytes("Book")) >= 0
            ? FileKind.Xls
            : throw new UploadRejectedException(StatusCodes.Status415UnsupportedMediaType, "title.unsupported", "unsupported");
    }

    private static FileKind CheckWorkbookZip(byte[] content, UploadOptions options)
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
            var binary = false;
            var openDocument = false;
            foreach (var entry in zip.Entries)
            {
                total += entry.Length;
                hasContentTypes |= entry.FullName == "[Content_Types].xml";
                hasWorkbook |= entry.FullName.StartsWith("xl/workbook", StringComparison.Ordinal);
                binary |= entry.FullName == "xl/workbook.bin";
                openDocument |= entry.FullName == "mimetype";
            }

            if (total > options.MaxUncompressedBytes)
            {
                throw new UploadRejectedException(
                    StatusCodes.Status413PayloadTooLarge, "title.too-large", "inflates", options.MaxUncompressedBytes);
            }

            if (openDocument && !hasContentTypes)
            {
                throw new UploadRejectedException(StatusCodes.Status415UnsupportedMediaType, "title.unsupported", "ods");
            }

            if (!hasContentTypes || !hasWorkbook)
            {
                throw new UploadRejectedException(StatusCodes.Status415UnsupportedMediaType, "title.unsupported", "unsupported");
            }

            // Excel's binary workbook: read by our own BIFF12 reader (no reader served here reads it).
            return binary ? FileKind.Xlsb : FileKind.Xlsx;
        }
        catch (InvalidDataException)
        {
            throw new UploadRejectedException(StatusCodes.Status400BadRequest, "title.corrupt", "corrupt");
        }
    }
}
