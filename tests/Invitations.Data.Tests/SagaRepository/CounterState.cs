using MassTransit;

namespace Invitations.Data.Tests.SagaRepository;

/// <summary>A test-only saga that counts distinct rows, to prove the repository is generic.</summary>
public sealed class CounterState : SagaStateMachineInstance, ISagaVersion
{
    public Guid CorrelationId { get; set; }
    public string CurrentState { get; set; } = string.Empty;
    public int Version { get; set; }
    public int Count { get; set; }
    public bool Opened { get; set; }
}
