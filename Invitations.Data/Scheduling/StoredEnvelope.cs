using MassTransit;

namespace Invitations.Data.Scheduling;

/// <summary>The envelope fields and headers of a scheduled message, kept as jsonb beside its body.</summary>
public sealed record StoredEnvelope
{
    public Guid? MessageId { get; init; }
    public Guid? RequestId { get; init; }
    public Guid? CorrelationId { get; init; }
    public Guid? ConversationId { get; init; }
    public Guid? InitiatorId { get; init; }
    public Uri? SourceAddress { get; init; }
    public Uri? ResponseAddress { get; init; }
    public Uri? FaultAddress { get; init; }
    public DateTime? ExpirationTime { get; init; }
    public Dictionary<string, object?> Headers { get; init; } = [];

    /// <summary>The W3C id of the activity that wrote the message, so its relay continues that trace.</summary>
    public string? TraceParent { get; init; }

    /// <summary>
    /// The header MassTransit's <c>Schedule</c> compares with the saga's token when the message comes back: without
    /// it a stale message (one armed before a re-arm) would be taken for the current one.
    /// </summary>
    public static Dictionary<string, object?> SchedulingToken(Guid tokenId) =>
        new(StringComparer.Ordinal) { [MessageHeaders.SchedulingTokenId] = tokenId.ToString("D") };
}
