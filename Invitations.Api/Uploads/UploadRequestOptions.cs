using System.Globalization;
using Invitations.Contracts.BulkInvitations;

namespace Invitations.Api.Uploads;

/// <summary>The form fields of an upload beside the file.</summary>
public sealed record UploadRequestOptions
{
    public InvitationType InvitationType { get; init; } = InvitationType.Invite;
    public PackageTier? DefaultTier { get; init; }
    public int DefaultCodeCount { get; init; } = 1;
    public bool SendSms { get; init; } = true;
    public bool UseRowSpecificCounts { get; init; }
    public bool DryRun { get; init; }

    /// <summary>The options from the form; the first field that does not parse is named in <paramref name="invalidField"/>.</summary>
    public static UploadRequestOptions? Parse(IReadOnlyDictionary<string, string> fields, int maxCodeCount, out string? invalidField)
    {
        invalidField = null;
        var result = new UploadRequestOptions();
        foreach (var (name, raw) in fields)
        {
            var value = raw.Trim();
            var ok = name.ToLowerInvariant() switch
            {
                "invitationtype" => TryEnum<InvitationType>(value, t => result = result with { InvitationType = t }),
                "defaulttier" => value.Length == 0 || TryEnum<PackageTier>(value, t => result = result with { DefaultTier = t }),
                "defaultcodecount" => int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n)
                    && n >= 1 && n <= maxCodeCount && Set(() => result = result with { DefaultCodeCount = n }),
                "sendsms" => TryBool(value, b => result = result with { SendSms = b }),
                "userowspecificcounts" => TryBool(value, b => result = result with { UseRowSpecificCounts = b }),
                "dryrun" => TryBool(value, b => result = result with { DryRun = b }),
                _ => true,
            };
            if (!ok)
            {
                invalidField = name;
                return null;
            }
        }

        return result;
    }

    private static bool Set(Action apply)
    {
        apply();
        return true;
    }

    private static bool TryEnum<T>(string value, Action<T> apply)
        where T : struct, Enum
    {
        if (!Enum.TryParse<T>(value, ignoreCase: true, out var parsed) || !Enum.IsDefined(parsed) || int.TryParse(value, out _))
        {
            return false;
        }

        apply(parsed);
        return true;
    }

    private static bool TryBool(string value, Action<bool> apply)
    {
        if (!bool.TryParse(value, out var parsed))
        {
            return false;
        }

        apply(parsed);
        return true;
    }
}
