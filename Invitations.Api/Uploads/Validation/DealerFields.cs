using System.Globalization;
using System.Net.Mail;
using System.Text.RegularExpressions;
using Invitations.Contracts.BulkInvitations;
using PhoneNumbers;

namespace Invitations.Api.Uploads.Validation;

/// <summary>Reading and normalizing one field of a dealer row; culture-invariant throughout (the Turkish dotless i).</summary>
public static partial class DealerFields
{
    private const string Region = "TR";
    private static readonly PhoneNumberUtil Phones = PhoneNumberUtil.GetInstance();

    /// <summary>Trimmed and lower-cased with the invariant culture: <c>INFO@X.COM</c> is <c>info@x.com</c>, never <c>ınfo@x.com</c>.</summary>
    public static string NormalizeEmail(string email) => email.Trim().ToLowerInvariant();

    public static bool IsValidEmail(string email)
    {
        var trimmed = email.Trim();
        return trimmed.Length <= 320
            && EmailShape().IsMatch(trimmed)
            && MailAddress.TryCreate(trimmed, out var address)
            && string.Equals(address.Address, trimmed, StringComparison.Ordinal);
    }

    /// <summary>A Turkish number in any usual writing, as E.164; null when it is not a valid Turkish number.</summary>
    public static (string E164, bool IsMobile)? NormalizePhone(string phone)
    {
        var trimmed = phone.Trim();
        if (trimmed.Length is 0 or > 40)
        {
            return null;
        }

        try
        {
            var number = Phones.Parse(trimmed, Region);
            if (!Phones.IsValidNumberForRegion(number, Region))
            {
                return null;
            }

            var type = Phones.GetNumberType(number);
            return (Phones.Format(number, PhoneNumberFormat.E164), type is PhoneNumberType.MOBILE or PhoneNumberType.FIXED_LINE_OR_MOBILE);
        }
        catch (NumberParseException)
        {
            return null;
        }
    }

    public static PackageTier? ParseTier(string tier) => tier.Trim().ToUpperInvariant() switch
    {
        "S" => PackageTier.S,
        "M" => PackageTier.M,
        "L" => PackageTier.L,
        "XL" => PackageTier.XL,
        _ => null,
    };

    /// <summary>A whole number (Excel may hand "5" as 5.0) within 1..max.</summary>
    public static int? ParseCount(string count, int max)
    {
        if (!decimal.TryParse(count.Trim(), NumberStyles.Number, CultureInfo.InvariantCulture, out var value)
            || value != decimal.Truncate(value) || value < 1 || value > max)
        {
            return null;
        }

        return (int)value;
    }

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s.]{2,}$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 100)]
    private static partial Regex EmailShape();
}
