using Invitations.Api.Uploads.Parsing;

namespace Invitations.Api.Uploads.Files;

/// <summary>Sniffs the file and reads its first sheet with the matching reader.</summary>
public static class SheetLoader
{
    public static RawSheet Load(UploadedFile file, UploadOptions options) => FileSniffer.Sniff(file.Content, options) switch
    {
        FileKind.Xlsx => XlsxSheetReader.Read(file.Content, options),
        _ => CsvSheetReader.Read(file.Content, options),
    };
}
