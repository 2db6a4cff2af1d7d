namespace Invitations.Data.Tests.SagaRepository;

public sealed record TinyJobSubmitted
{
    public required Guid BulkJobId { get; init; }
    public required long SponsorId { get; init; }
    public required int TotalDealers { get; init; }
}

public sealed record TinyDealerInvited
{
    public required Guid BulkJobId { get; init; }
}

/// <summary>Correlated by an expression (the sponsor), not by id: exercises the repository's query.</summary>
public sealed record TinySponsorJobsCancelled
{
    public required long SponsorId { get; init; }
}
