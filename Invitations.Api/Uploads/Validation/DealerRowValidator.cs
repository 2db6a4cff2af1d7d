using FluentValidation;
using Invitations.Api.Uploads.Parsing;

namespace Invitations.Api.Uploads.Validation;

/// <summary>
/// The rules of one row, with messages in the caller's language; each failure carries its
/// <see cref="DealerColumn"/> as custom state so the report can name the column.
/// </summary>
public sealed class DealerRowValidator : AbstractValidator<DealerRowInput>
{
    public const int MaxDealerNameLength = 200;

    public DealerRowValidator(UploadRequestOptions request, UploadOptions limits, UploadLanguage language)
        : this(request, limits, language, DealerFields.NormalizePhone)
    {
    }

    /// <summary><paramref name="normalizePhone"/> lets the sheet's validator parse each phone once (libphonenumber is the costly part).</summary>
    public DealerRowValidator(
        UploadRequestOptions request, UploadOptions limits, UploadLanguage language, Func<string, (string E164, bool IsMobile)?> normalizePhone)
    {
        string T(string key, params object?[] args) => UploadText.Get(language, key, args);
        var maxCell = limits.MaxCellLength;

        RuleFor(r => r.Email).Cascade(CascadeMode.Stop)
            .Must(v => v.Length <= maxCell).WithMessage(T("cell-too-long", maxCell))
            .Must(v => !string.IsNullOrWhiteSpace(v)).WithMessage(T("email.required"))
            .Must(DealerFields.IsValidEmail).WithMessage(r => T("email.invalid", Short(r.Email)));

        RuleFor(r => r.Phone).Cascade(CascadeMode.Stop)
            .Must(v => v.Length <= maxCell).WithMessage(T("cell-too-long", maxCell))
            .Must(v => !string.IsNullOrWhiteSpace(v)).WithMessage(T("phone.required"))
            .Must(v => normalizePhone(v) is not null).WithMessage(r => T("phone.invalid", Short(r.Phone)))
            .Must(v => !request.SendSms || normalizePhone(v)!.Value.IsMobile).WithMessage(T("phone.mobile"));

        RuleFor(r => r.DealerName).Cascade(CascadeMode.Stop)
            .Must(v => v.Length <= maxCell).WithMessage(T("cell-too-long", maxCell))
            .Must(v => !string.IsNullOrWhiteSpace(v)).WithMessage(T("name.required"))
            .Must(v => v.Trim().Length <= MaxDealerNameLength).WithMessage(T("name.too-long", MaxDealerNameLength));

        RuleFor(r => r.Tier).Cascade(CascadeMode.Stop)
            .Must(v => v.Length <= maxCell).WithMessage(T("cell-too-long", maxCell))
            .Must(v => request.DefaultTier is not null || !string.IsNullOrWhiteSpace(v)).WithMessage(T("tier.required"))
            .Must(v => string.IsNullOrWhiteSpace(v) || DealerFields.ParseTier(v) is not null).WithMessage(r => T("tier.invalid", Short(r.Tier)));

        When(_ => request.UseRowSpecificCounts, () =>
            RuleFor(r => r.CodeCount).Cascade(CascadeMode.Stop)
                .Must(v => v.Length <= maxCell).WithMessage(T("cell-too-long", maxCell))
                .Must(v => DealerFields.ParseCount(v, limits.MaxCodeCountPerRow) is not null)
                .WithMessage(T("count.invalid", limits.MaxCodeCountPerRow)));
    }

    /// <summary>Echoes a value in a message, cut short: a message must not carry a megabyte cell back.</summary>
    private static string Short(string value)
    {
        var trimmed = value.Trim();
        return trimmed.Length <= 60 ? trimmed : string.Concat(trimmed.AsSpan(0, 57), "...");
    }
}
