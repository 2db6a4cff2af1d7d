namespace Invitations.SmsGatewayStub;

/// <summary>
/// How the stub answers; read from the command line at start and replaced (field by field) through
/// <c>POST /_stub/mode</c>. A record, so a request sees one consistent mode.
/// </summary>
public sealed record StubMode
{
    /// <summary>Added to every answer, in milliseconds.</summary>
    public int LatencyMs { get; init; }

    /// <summary>Share of requests answered 503 (0 to 1), spread evenly over the requests.</summary>
    public double FailFraction { get; init; }

    /// <summary>Every request answered 503.</summary>
    public bool Down { get; init; }

    /// <summary>The next this many accepted requests are answered only after <see cref="SlowMs"/> (still accepted).</summary>
    public int SlowRequests { get; init; }

    public int SlowMs { get; init; } = 15_000;

    /// <summary>A request with an <c>Idempotency-Key</c> seen before gets the first answer and is no new SMS.</summary>
    public bool HonourIdempotencyKey { get; init; } = true;

    public string IdempotencyHeader { get; init; } = "Idempotency-Key";

    /// <summary>Most accepted requests per second (0: no limit); above it, 429.</summary>
    public int RateLimitPerSecond { get; init; }

    /// <summary>Whether a 429 carries <c>Retry-After: 1</c>.</summary>
    public bool RetryAfter { get; init; } = true;

    /// <summary>Basic-auth credentials required when set; any or none accepted otherwise.</summary>
    public string? Username { get; init; }

    public string? Password { get; init; }

    /// <summary>Where each accepted SMS's delivery report is posted (unset: none), signed like a real gateway's.</summary>
    public string? DeliveryReportUrl { get; init; }

    public int DeliveryReportDelayMs { get; init; } = 1_000;

    /// <summary>The secret of the reports' HMAC-SHA256 signature (hex of the body's MAC, in <see cref="DeliveryReportHeader"/>).</summary>
    public string DeliveryReportSecret { get; init; } = string.Empty;

    public string DeliveryReportHeader { get; init; } = "X-Signature";
}
