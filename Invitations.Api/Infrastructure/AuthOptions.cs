namespace Invitations.Api.Infrastructure;

public sealed class AuthOptions
{
    public const string SectionName = "Auth";

    public string Issuer { get; set; } = "invitations";
    public string Audience { get; set; } = "invitations";

    /// <summary>HMAC-SHA256 key, at least 32 bytes. From configuration or a secret store, never from code.</summary>
    public string SigningKey { get; set; } = string.Empty;

    /// <summary>Serves <c>POST /api/v1/dev/tokens</c>. Development only.</summary>
    public bool DevTokens { get; set; }
}
