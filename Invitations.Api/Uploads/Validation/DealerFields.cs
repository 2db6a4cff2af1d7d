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

    /// <summary>
    /// Trimmed, the Turkish dotted İ and dotless ı folded to i, then lower-cased with the invariant culture:
    /// <c>SİPARİS@X.COM</c>, <c>SIPARIS@x.com</c> and <c>sıparıs@x.com</c> are all <c>siparis@x.com</c>, never
    /// <c>ınfo@x.com</c>. A sponsor's Excel upper-cases i to İ under tr-TR; mailboxes that differ only by those letters
    /// do not exist in practice. The one form is what is compared and stored, so the Worker's and the database's
    /// exact comparisons of stored emails (DealerRowQuery, RetryPreparation) see one dealer too.
    /// </summary>
    public static string NormalizeEmail(string email) => email.Trim().Replace('İ', 'i').Replace('ı', 'i').ToLowerInvariant();

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

    /// <summary>
    /// A whole number within 1..max, digits only, with at most a zero fraction of one or two digits after a point or a
    /// comma (<c>3.0</c>, Turkish <c>2,00</c>). No thousands separators: <c>2,00</c> was read as 200 by a culture that
    /// groups with commas, and <c>1.000</c> or <c>1,000</c> mean a thousand to one sponsor and one to another, so
    /// they are a row error, never a guess. (Excel's numeric cells arrive as their plain digits.)
    /// </summary>
    public static int? ParseCount(string count, int max)
    {
        var match = CountShape().Match(count.Trim());
        return match.Success && int.TryParse(match.Groups[1].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture, out var value)
            && value >= 1 && value <= max
            ? value
            : null;
    }

    [GeneratedRegex(@"^([0-9]{1,9})(?:[.,]0{1,2})?$", RegexOptions.CultureInvariant)]
    private static partial Regex CountShape();

    // No match timeout: the input is at most 320 characters before it gets here, so the worst backtracking is a
    // few tens of thousands of steps (microseconds), while a wall-clock timeout fails a valid address whenever the
    // thread is not scheduled for 100 ms (seen as a 500 on a loaded machine).
    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s.]{2,}$", RegexOptions.CultureInvariant)]
    private static partial Regex EmailShape();
}
