using MassTransit;

namespace Invitations.Worker.Tests.Scheduling;

public sealed record TimerStarted
{
    public required Guid TimerId { get; init; }
}

public sealed record TimerExpired
{
    public required Guid TimerId { get; init; }
}

/// <summary>A saga that schedules its own timeout: <c>Schedule(...)</c> through our scheduler.</summary>
public sealed class TimerStateMachine : MassTransitStateMachine<TimerState>
{
    public TimerStateMachine()
    {
        InstanceState(x => x.CurrentState);
        Event(() => Started, e => e.CorrelateById(m => m.Message.TimerId));
        Schedule(() => Timeout, x => x.TimeoutTokenId, s =>
        {
            s.Delay = TimeSpan.FromSeconds(2);
            s.Received = r => r.CorrelateById(m => m.Message.TimerId);
        });

        Initially(
            When(Started).Schedule(Timeout, x => new TimerExpired { TimerId = x.Saga.CorrelationId }).TransitionTo(Waiting));

        During(Waiting,
            When(Timeout.Received).TransitionTo(Expired));
    }

    public State Waiting { get; private set; } = null!;
    public State Expired { get; private set; } = null!;
    public Event<TimerStarted> Started { get; private set; } = null!;
    public Schedule<TimerState, TimerExpired> Timeout { get; private set; } = null!;
}
