namespace Invitations.Data.Privacy;

/// <summary>
/// Masks personal data for logs, progress events and anything else a person may read that is not the
/// sponsor's own results file. Logs never carry a full email or phone number.
/// </summary>
public static class Mask
{
    /// <summary><c>ahmet.yilmaz@example.com</c> → <c>a***z@e***.com</c>.</summary>
    public static string Email(string? email)
    {
        if (string.IsNullOrWhiteSpace(email))
        {
            return string.Empty;
        }

        var at = email.LastIndexOf('@');
        if (at <= 0 || at == email.Length - 1)
        {
            return "***";
        }

        var local = email[..at];
        var domain = email[(at + 1)..];
        var dot = domain.LastIndexOf('.');
        var maskedLocal = local.Length <= 2 ? $"{local[0]}***" : $"{local[0]}***{local[^1]}";
        var maskedDomain = dot > 0 ? $"{domain[0]}***{domain[dot..]}" : $"{domain[0]}***";
        return $"{maskedLocal}@{maskedDomain}";
    }

    /// <summary><c>+905321234567</c> → <c>+90*******67</c>: country code and last two digits only.</summary>
    public static string Phone(string? phone)
    {
        if (string.IsNullOrWhiteSpace(phone))
        {
            return string.Empty;
        }

        var digits = phone.Trim();
        if (digits.Length <= 5)
        {
            return "***";
        }

        var keepStart = digits.StartsWith('+') ? 3 : 1;
        return string.Concat(digits.AsSpan(0, keepStart), new string('*', digits.Length - keepStart - 2), digits.AsSpan(digits.Length - 2));
    }

    /// <summary>An invitation token (the link's credential): its first four characters only.</summary>
    public static string Token(string? token) =>
        string.IsNullOrEmpty(token) ? string.Empty : token.Length <= 4 ? "***" : $"{token[..4]}***";

    /// <summary>A request path with the invitation token after <c>/invitations/</c> masked; null when it has none.</summary>
    public static string? InvitationPath(string? path)
    {
        const string segment = "/invitations/";
        var at = path?.IndexOf(segment, StringComparison.OrdinalIgnoreCase) ?? -1;
        if (path is null || at < 0)
        {
            return null;
        }

        var start = at + segment.Length;
        var end = path.IndexOf('/', start);
        var token = end < 0 ? path[start..] : path[start..end];
        return string.Concat(path.AsSpan(0, start), Token(token), end < 0 ? string.Empty : path[end..]);
    }
}
