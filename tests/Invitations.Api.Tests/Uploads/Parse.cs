using Invitations.Api.Uploads;
using Invitations.Api.Uploads.Parsing;
using Invitations.Api.Uploads.Parsing.Xlsb;
using Invitations.Api.Uploads.Parsing.Xlsx;

namespace Invitations.Api.Tests.Uploads;

/// <summary>The readers called directly, with the default parse budget.</summary>
internal static class Parse
{
    public static RawSheet Xlsx(byte[] file, UploadOptions? options = null) =>
        XlsxSheetReader.Read(file, new ParseBudget(options ?? new UploadOptions(), TimeProvider.System));

    public static RawSheet Csv(byte[] file, UploadOptions? options = null) =>
        CsvSheetReader.Read(file, new ParseBudget(options ?? new UploadOptions(), TimeProvider.System));

    public static RawSheet Binary(byte[] file, UploadOptions? options = null) =>
        BinarySheetReader.Read(file, new ParseBudget(options ?? new UploadOptions(), TimeProvider.System));

    public static RawSheet Xlsb(byte[] file, UploadOptions? options = null) =>
        XlsbSheetReader.Read(file, new ParseBudget(options ?? new UploadOptions(), TimeProvider.System));
}
