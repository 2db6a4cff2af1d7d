namespace Invitations.Worker.Sms;

/// <summary>A generic SMS gateway over HTTP.</summary>
public sealed class HttpSmsOptions
{
    public string Url { get; set; } = string.Empty;
    public string? Username { get; set; }
    public string? Password { get; set; }

    /// <summary>JSON body; {Phone} and {Message} are replaced with JSON-escaped values.</summary>
    public string BodyTemplate { get; set; } = """{"to":"{Phone}","text":"{Message}"}""";

    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The header that carries each SMS's idempotency key (the invitation id, the same on every retry).</summary>
    public string IdempotencyKeyHeader { get; set; } = "Idempotency-Key";
}
