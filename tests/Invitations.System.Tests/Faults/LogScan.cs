using System.Text.RegularExpressions;

namespace Invitations.System.Tests.Faults;

/// <summary>Logs never carry a full email or phone number: every fixture email is @example.com, every phone Turkish.</summary>
public static partial class LogScan
{
    public static void AssertNoPersonalData(IEnumerable<string> lines)
    {
        var leaks = lines.Where(l => Email().IsMatch(l) || Phone().IsMatch(l)).Take(5).ToList();
        Assert.That(leaks, Is.Empty, "log lines with a full email or phone number");
    }

    [GeneratedRegex(@"[A-Za-z0-9._%+-]+@example\.com", RegexOptions.IgnoreCase)]
    private static partial Regex Email();

    // E.164 (+905321234567) or as uploaded (+90 532 123 45 67).
    [GeneratedRegex(@"\+90\s?5\d{2}\s?\d{3}\s?\d{2}\s?\d{2}")]
    private static partial Regex Phone();
}
