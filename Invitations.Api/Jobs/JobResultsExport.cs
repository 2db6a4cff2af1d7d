using System.Globalization;
using System.Text;
using ClosedXML.Excel;
using Invitations.Api.Infrastructure.Spreadsheets;
using Invitations.Data.Persistence;
using Invitations.Data.Persistence.Entities;
using Microsoft.EntityFrameworkCore;

namespace Invitations.Api.Jobs;

/// <summary>One line per dealer in the upload's row order, every text cell neutralised against formula injection.</summary>
public sealed class JobResultsExport(InvitationsDbContext db)
{
    /// <summary>The file's columns in order, each with its header, its xlsx width and its value: a column is one entry.</summary>
    private static readonly ResultColumn[] Columns =
    [
        new("Row", 6, l => l.Row.RowNumber.ToString(CultureInfo.InvariantCulture)),
        new("Email", 34, l => l.Row.Email),
        new("Phone", 16, l => l.Row.Phone),
        new("DealerName", 28, l => l.Row.DealerName),
        new("Status", 12, l => l.Row.Status.ToString()),
        new("InvitationId", 38, l => l.Row.InvitationId?.ToString() ?? string.Empty),
        new("InvitationStatus", 16, l => l.InvitationStatus),
        new("Codes", 40, l => l.Codes),
        new("Error", 50, l => l.Row.Error ?? string.Empty),
        new("Sms", 30, l => l.Sms),
    ];

    private static readonly string[] Headers = [.. Columns.Select(c => c.Header)];

    public async Task<IReadOnlyList<string[]>> LinesAsync(Guid jobId, CancellationToken cancellationToken)
    {
        var rows = await db.BulkInvitationRows.AsNoTracking().Where(r => r.JobId == jobId).OrderBy(r => r.RowNumber).ToListAsync(cancellationToken);
        var codes = (await db.SponsorshipCodes.AsNoTracking()
                .Where(c => c.ReservedByJobId == jobId && c.AssignedRowNumber != null)
                .OrderBy(c => c.Id)
                .Select(c => new { Row = c.AssignedRowNumber!.Value, c.Code })
                .ToListAsync(cancellationToken))
            .ToLookup(c => c.Row, c => c.Code);
        var statuses = (await db.DealerInvitations.AsNoTracking().Where(i => i.BulkJobId == jobId)
                .Select(i => new { i.RowNumber, i.Status }).ToListAsync(cancellationToken))
            .ToDictionary(i => i.RowNumber, i => i.Status.ToString());
        var sms = await SmsColumnAsync(jobId, cancellationToken);
        return rows
            .Select(r => new ResultLine(r, string.Join(' ', codes[r.RowNumber]), statuses.GetValueOrDefault(r.RowNumber, string.Empty), sms.GetValueOrDefault(r.RowNumber, string.Empty)))
            .Select(line => Columns.Select(c => c.Value(line)).ToArray())
            .ToList();
    }

    /// <summary>The SMS column: Sent, Delivered or "Undelivered: the operator's reason"; empty when none was sent.</summary>
    private async Task<Dictionary<int, string>> SmsColumnAsync(Guid jobId, CancellationToken cancellationToken) =>
        (await db.DealerInvitations.AsNoTracking()
            .Where(i => i.BulkJobId == jobId && i.SmsSentAt != null)
            .Select(i => new { i.RowNumber, i.SmsDeliveryStatus, i.SmsDeliveryReason })
            .ToListAsync(cancellationToken))
        .ToDictionary(
            i => i.RowNumber,
            i => i.SmsDeliveryStatus switch
            {
                SmsDeliveryStatus.Undelivered when i.SmsDeliveryReason is { Length: > 0 } reason => $"Undelivered: {reason}",
                { } status => status.ToString(),
                null => nameof(SmsDeliveryStatus.Sent),
            });

    public static byte[] ToCsv(IReadOnlyList<string[]> lines)
    {
        var csv = new StringBuilder();
        foreach (var line in lines.Prepend(Headers))
        {
            csv.AppendJoin(',', line.Select(v => Quote(SpreadsheetText.Neutralize(v)))).Append("\r\n");
        }

        // A BOM so spreadsheet programs read the Turkish letters as UTF-8.
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(csv.ToString())];
    }

    public static byte[] ToXlsx(IReadOnlyList<string[]> lines)
    {
        using var workbook = new XLWorkbook();
        var sheet = workbook.AddWorksheet("Results");
        for (var c = 0; c < Columns.Length; c++)
        {
            sheet.Cell(1, c + 1).Value = Columns[c].Header;
            sheet.Column(c + 1).Width = Columns[c].Width;
        }

        sheet.Row(1).Style.Font.Bold = true;
        for (var r = 0; r < lines.Count; r++)
        {
            for (var c = 0; c < Columns.Length; c++)
            {
                // Text cells only: ClosedXML must not guess a number, a date or a formula.
                sheet.Cell(r + 2, c + 1).SetValue(SpreadsheetText.Neutralize(lines[r][c]));
            }
        }

        using var stream = new MemoryStream();
        workbook.SaveAs(stream);
        return stream.ToArray();
    }

    /// <summary>
    /// Every text field in quotes, whatever it holds: a reader splitting on <c>;</c> or tab (tr-TR Excel) keeps it one
    /// cell; only a plain number (the row) goes bare.
    /// </summary>
    private static string Quote(string value) =>
        value.Length > 0 && value.All(char.IsAsciiDigit) ? value : "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    /// <summary>What one line of the file is made of: the row and what the job's invitations and codes say about it.</summary>
    private sealed record ResultLine(BulkInvitationRow Row, string Codes, string InvitationStatus, string Sms);

    private sealed record ResultColumn(string Header, double Width, Func<ResultLine, string> Value);
}
