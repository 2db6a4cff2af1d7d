namespace Invitations.Benchmarks.Ceiling;

public sealed record BenchPing
{
    public required int Number { get; init; }
}
