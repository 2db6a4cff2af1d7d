namespace Invitations.Data.Tests.SagaRepository;

public sealed record CounterIncremented
{
    public required Guid CounterId { get; init; }
    public required int RowNumber { get; init; }
}

public sealed record CounterOpened
{
    public required Guid CounterId { get; init; }
}

/// <summary>Writes a row, changes the saga, publishes, then fails: everything must roll back.</summary>
public sealed record CounterBroken
{
    public required Guid CounterId { get; init; }
    public required int RowNumber { get; init; }
}

public sealed record CounterNoticed
{
    public required Guid CounterId { get; init; }
}
