using System.Text.RegularExpressions;
using NUnit.Framework;

namespace Invitations.Testing.Logging;

/// <summary>
/// Logs never carry a full email or phone number. Every fixture email is at example.com (or example.com.tr),
/// every fixture phone Turkish, so any such match in a log line is a leak.
/// </summary>
public static partial class LogScan
{
    public static void AssertNoPersonalData(IEnumerable<string> lines)
    {
        var leaks = lines.Where(l => Email().IsMatch(l) || Phone().IsMatch(l) || NationalPhone().IsMatch(l)).Take(5).ToList();
        Assert.That(leaks, Is.Empty, "log lines with a full email or phone number");
    }

    [GeneratedRegex(@"[A-Za-z0-9._%+-]+@example\.com", RegexOptions.IgnoreCase)]
    private static partial Regex Email();

    // E.164 (+905321234567) or as uploaded (+90 532 123 45 67).
    [GeneratedRegex(@"\+90\s?5\d{2}\s?\d{3}\s?\d{2}\s?\d{2}")]
    private static partial Regex Phone();

    // As a sponsor types it (0532 123 45 67), not inside a longer run of digits or hex (ids, trace ids).
    [GeneratedRegex(@"(?<![0-9A-Fa-f])0\s?5\d{2}\s?\d{3}\s?\d{2}\s?\d{2}(?![0-9A-Fa-f])")]
    private static partial Regex NationalPhone();
}
