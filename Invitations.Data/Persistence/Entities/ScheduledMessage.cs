namespace Invitations.Data.Persistence.Entities;

/// <summary>A message our PostgreSQL-backed scheduler delivers when it is due.</summary>
public sealed class ScheduledMessage
{
    public long Id { get; set; }

    /// <summary>The scheduling token: unique, so a repeated schedule of the same token is an upsert.</summary>
    public Guid TokenId { get; set; }

    public required string Destination { get; set; }
    public DateTimeOffset DueAt { get; set; }
    public required string ContentType { get; set; }
    public required string MessageTypes { get; set; }
    public required string Body { get; set; }
    public string? Headers { get; set; }
    public Guid? CorrelationId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>A claim lease: an instance that died while delivering loses it when this passes.</summary>
    public DateTimeOffset? LockedUntil { get; set; }

    public int DeliveryAttempts { get; set; }
}
