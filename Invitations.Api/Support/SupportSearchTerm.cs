using System.Globalization;
using Invitations.Api.Uploads.Validation;

namespace Invitations.Api.Support;

/// <summary>What support typed in the search box: a job id, a dealer email, a phone number or part of a file name.</summary>
public sealed record SupportSearchTerm(Guid? JobId, string? Email, string? Phone, string? Text)
{
    public static SupportSearchTerm? Parse(string? q)
    {
        var text = q?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        if (Guid.TryParse(text, CultureInfo.InvariantCulture, out var jobId))
        {
            return new SupportSearchTerm(jobId, null, null, null);
        }

        if (text.Contains('@', StringComparison.Ordinal))
        {
            // The upload's own fold (İ and ı to i, then lower case): what it stored is what is looked for.
            return new SupportSearchTerm(null, DealerFields.NormalizeEmail(text), null, null);
        }

        return ToE164(text) is { } phone
            ? new SupportSearchTerm(null, null, phone, null)
            : new SupportSearchTerm(null, null, null, text);
    }

    /// <summary>Turkish numbers in the usual writings (+90 532…, 0532…, 532…) to E.164; other digits kept with a plus.</summary>
    internal static string? ToE164(string text)
    {
        if (text.Any(c => char.IsLetter(c)))
        {
            return null;
        }

        var digits = new string(text.Where(char.IsAsciiDigit).ToArray());
        if (digits.Length < 7)
        {
            return null;
        }

        if (digits.StartsWith("00", StringComparison.Ordinal))
        {
            digits = digits[2..];
        }
        else if (digits.Length == 11 && digits[0] == '0')
        {
            digits = "90" + digits[1..];
        }
        else if (digits.Length == 10 && digits[0] != '0')
        {
            digits = "90" + digits;
        }

        return "+" + digits;
    }
}
