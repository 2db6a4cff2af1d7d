namespace Invitations.Worker.Sms;

/// <summary>The SMS provider names <c>Sms:Provider</c> takes.</summary>
public static class SmsProviders
{
    public const string Log = "Log";
    public const string Http = "Http";

    public static bool IsLog(string? provider) => string.Equals(provider, Log, StringComparison.OrdinalIgnoreCase);

    public static bool IsHttp(string? provider) => string.Equals(provider, Http, StringComparison.OrdinalIgnoreCase);
}
