namespace Invitations.Data.Persistence.Entities;

public sealed class Dealer
{
    public Guid Id { get; set; }
    public long SponsorId { get; set; }

    /// <summary>Trimmed and lower-cased with the invariant culture.</summary>
    public required string Email { get; set; }

    /// <summary>E.164.</summary>
    public required string Phone { get; set; }

    public required string Name { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public Guid? SourceJobId { get; set; }
    public int? SourceRowNumber { get; set; }
}
