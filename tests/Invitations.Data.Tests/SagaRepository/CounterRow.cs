namespace Invitations.Data.Tests.SagaRepository;

/// <summary>A row the counter has seen: written by a saga activity through the scoped DbContext.</summary>
public sealed class CounterRow
{
    public Guid CounterId { get; set; }
    public int RowNumber { get; set; }
}
