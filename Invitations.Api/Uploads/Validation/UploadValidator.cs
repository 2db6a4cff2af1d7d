using Invitations.Api.Uploads.Parsing;
using Invitations.Data.Persistence;
using Invitations.Data.Persistence.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Invitations.Api.Uploads.Validation;

/// <summary>
/// Validates a whole sheet: every row's rules, duplicates within the file (both rows are told), and
/// emails that already belong to the sponsor's dealers or pending invitations. Every error, sorted by row.
/// </summary>
public sealed class UploadValidator(InvitationsDbContext db, IOptions<UploadOptions> options)
{
    public async Task<ValidationOutcome> ValidateAsync(
        RawSheet raw, UploadRequestOptions request, long sponsorId, UploadLanguage language, CancellationToken cancellationToken)
    {
        var sheet = SheetMapper.Map(raw, request);
        if (sheet.Rows.Count == 0)
        {
            throw new UploadRejectedException(StatusCodes.Status400BadRequest, "title.bad-request", "empty");
        }

        // The readers stop at MaxRows + 1 counting a header; a file without one must not slip one row more through.
        if (sheet.Rows.Count > options.Value.MaxRows)
        {
            throw new UploadRejectedException(StatusCodes.Status400BadRequest, "title.bad-request", "too-many-rows", options.Value.MaxRows);
        }

        var errors = new List<(RowError Error, DealerColumn Column)>();
        var headerRow = sheet.Header?.RowNumber ?? 1;
        foreach (var column in sheet.MissingColumns)
        {
            var name = HeaderNames.Display(column, language);
            errors.Add((new RowError(headerRow, name, UploadText.Get(language, "missing-column", name)), column));
        }

        var phoneCache = new Dictionary<string, (string E164, bool IsMobile)?>(StringComparer.Ordinal);
        (string E164, bool IsMobile)? NormalizePhone(string phone)
        {
            if (!phoneCache.TryGetValue(phone, out var normalized))
            {
                normalized = DealerFields.NormalizePhone(phone);
                phoneCache[phone] = normalized;
            }

            return normalized;
        }

        var validator = new DealerRowValidator(request, options.Value, language, NormalizePhone);
        var emails = new List<(int Row, string Email)>();
        var phones = new List<(int Row, string Phone)>();
        foreach (var row in sheet.Rows)
        {
            var result = validator.Validate(row);
            foreach (var failure in result.Errors)
            {
                var column = Enum.Parse<DealerColumn>(failure.PropertyName);
                errors.Add((new RowError(row.RowNumber, HeaderNames.Display(column, language), failure.ErrorMessage), column));
            }

            if (DealerFields.IsValidEmail(row.Email) && row.Email.Length <= options.Value.MaxCellLength)
            {
                emails.Add((row.RowNumber, DealerFields.NormalizeEmail(row.Email)));
            }

            if (row.Phone.Length <= options.Value.MaxCellLength && NormalizePhone(row.Phone) is { } phone)
            {
                phones.Add((row.RowNumber, phone.E164));
            }
        }

        AddDuplicates(errors, emails, DealerColumn.Email, "email.duplicate", language);
        AddDuplicates(errors, phones, DealerColumn.Phone, "phone.duplicate", language);
        await AddExistingAsync(errors, emails, sponsorId, language, cancellationToken);

        var failedRows = errors.Select(e => e.Error.Row).ToHashSet();
        var dealers = sheet.Rows.Where(r => !failedRows.Contains(r.RowNumber)).Select(r => Normalize(r, request, NormalizePhone(r.Phone)!.Value.E164)).ToList();
        var sorted = errors.OrderBy(e => e.Error.Row).ThenBy(e => e.Column).Select(e => e.Error).ToList();
        return new ValidationOutcome(sheet, sorted, dealers);
    }

    private ValidDealer Normalize(DealerRowInput row, UploadRequestOptions request, string phone) => new(
        row.RowNumber,
        DealerFields.NormalizeEmail(row.Email),
        phone,
        row.DealerName.Trim(),
        DealerFields.ParseTier(row.Tier) ?? request.DefaultTier!.Value,
        request.UseRowSpecificCounts
            ? DealerFields.ParseCount(row.CodeCount, options.Value.MaxCodeCountPerRow)!.Value
            : request.DefaultCodeCount);

    private static void AddDuplicates(
        List<(RowError, DealerColumn)> errors, List<(int Row, string Value)> values, DealerColumn column, string key, UploadLanguage language)
    {
        foreach (var group in values.GroupBy(v => v.Value, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            var rows = group.Select(g => g.Row).ToList();
            foreach (var row in rows)
            {
                var others = string.Join(", ", rows.Where(r => r != row));
                errors.Add((new RowError(row, HeaderNames.Display(column, language), UploadText.Get(language, key, others)), column));
            }
        }
    }

    private async Task AddExistingAsync(
        List<(RowError, DealerColumn)> errors, List<(int Row, string Email)> emails, long sponsorId, UploadLanguage language,
        CancellationToken cancellationToken)
    {
        var candidates = emails.Select(e => e.Email).Distinct(StringComparer.Ordinal).ToList();
        if (candidates.Count == 0)
        {
            return;
        }

        // One statement for every email of the file: the view's two index scans with the whole list (TakenEmail).
        var taken = (await db.TakenEmails
            .Where(t => t.SponsorId == sponsorId && candidates.Contains(t.Email))
            .Select(t => t.Email).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        var column = HeaderNames.Display(DealerColumn.Email, language);
        foreach (var (row, email) in emails.Where(e => taken.Contains(e.Email)))
        {
            errors.Add((new RowError(row, column, UploadText.Get(language, "email.exists")), DealerColumn.Email));
        }
    }
}
