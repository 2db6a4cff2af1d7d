using Invitations.Api.Uploads.Parsing;
using Invitations.Api.Uploads.Parsing.Xlsb;
using Invitations.Api.Uploads.Parsing.Xlsx;
using Microsoft.Extensions.Options;

namespace Invitations.Api.Uploads.Files;

/// <summary>Sniffs the file and reads its dealers' sheet with the matching reader, within a parse slot and the parse's time budget.</summary>
public sealed class SheetLoader(ParseGate gate, IOptions<UploadOptions> options, TimeProvider clock)
{
    public async Task<RawSheet> LoadAsync(UploadedFile file, CancellationToken cancellationToken)
    {
        var limits = options.Value;
        var kind = FileSniffer.Sniff(file.Content, limits);
        using var slot = await gate.EnterAsync(cancellationToken)
            ?? throw new UploadRejectedException(
                StatusCodes.Status503ServiceUnavailable, "title.busy", "busy", (int)Math.Ceiling(limits.ParseTimeout.TotalSeconds));
        var budget = new ParseBudget(limits, clock);
        return kind switch
        {
            FileKind.Xlsx => XlsxSheetReader.Read(file.Content, budget),
            FileKind.Xlsb => XlsbSheetReader.Read(file.Content, budget),
            FileKind.Xls => BinarySheetReader.Read(file.Content, budget),
            _ => CsvSheetReader.Read(file.Content, budget),
        };
    }
}
