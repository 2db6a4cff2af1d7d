using MassTransit;

namespace Invitations.Worker.Tests.Scheduling;

public sealed class TimerState : SagaStateMachineInstance
{
    public Guid CorrelationId { get; set; }
    public string CurrentState { get; set; } = string.Empty;
    public Guid? TimeoutTokenId { get; set; }
}
