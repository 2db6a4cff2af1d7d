namespace Invitations.SmsGatewayStub;

/// <summary>How many requests got each kind of answer.</summary>
public sealed record StubStats
{
    public required long Requests { get; init; }

    /// <summary>New SMS accepted (200), slow ones included.</summary>
    public required long Accepted { get; init; }

    /// <summary>Accepted, answered after the slow delay.</summary>
    public required long Slow { get; init; }

    /// <summary>A key seen before: 200 with the first answer, no new SMS.</summary>
    public required long Repeated { get; init; }

    /// <summary>503 from the failing fraction.</summary>
    public required long Failed { get; init; }

    /// <summary>503 while down.</summary>
    public required long Down { get; init; }

    /// <summary>429 above the rate limit.</summary>
    public required long RateLimited { get; init; }

    public required long Unauthorized { get; init; }

    public required long BadRequests { get; init; }
}
