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

    /// <summary>Messages per request; 1 sends one request per SMS with <see cref="BodyTemplate"/>.</summary>
    public int BatchSize { get; set; } = 1;

    /// <summary>Where batches go; empty: <see cref="Url"/>.</summary>
    public string? BatchUrl { get; set; }

    /// <summary>A batch's JSON body: {Messages} is replaced with the items, comma-separated.</summary>
    public string BatchBodyTemplate { get; set; } = """{"messages":[{Messages}]}""";

    /// <summary>One item of a batch: {Phone}, {Message} (JSON-escaped) and {Reference} (the invitation id).</summary>
    public string BatchItemTemplate { get; set; } = """{"ref":"{Reference}","to":"{Phone}","text":"{Message}"}""";

    /// <summary>
    /// The answer's property holding one result per message (<c>ref</c>, an HTTP-like <c>status</c>,
    /// <c>messageId</c>, <c>error</c>), matched by <c>ref</c>, else by position.
    /// </summary>
    public string BatchResultsProperty { get; set; } = "results";

    /// <summary>
    /// Requests at once to the gateway from this process, over every group. A window's worth of messages may leave
    /// at once (<see cref="SmsOptions.RateBurst"/>), so up to <c>RatePerSecond / BatchSize</c> requests from one Worker.
    /// </summary>
    public int MaxInFlight { get; set; } = 128;

    /// <summary>The header that carries each SMS's idempotency key (the invitation id, the same on every retry).</summary>
    public string IdempotencyKeyHeader { get; set; } = "Idempotency-Key";
}
