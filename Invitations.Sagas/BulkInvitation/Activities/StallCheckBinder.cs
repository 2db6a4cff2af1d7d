using Invitations.Sagas.BulkInvitation.Messages;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;

namespace Invitations.Sagas.BulkInvitation.Activities;

/// <summary>
/// The stall check is MassTransit's <c>Schedule</c> (<see cref="BulkInvitationStateMachine.StallCheckTimeout"/>):
/// arming it again cancels the check still pending and keeps the new token in
/// <see cref="BulkInvitationState.StallCheckTokenId"/>; disarming it cancels the pending one in the scheduler's store.
/// </summary>
internal static class StallCheckBinder
{
    public static EventActivityBinder<BulkInvitationState, T> ArmStallCheck<T>(
        this EventActivityBinder<BulkInvitationState, T> binder, BulkInvitationStateMachine machine)
        where T : class =>
        binder
            .Activity(x => x.OfType<UseSagaSchedulerActivity<T>>())
            .IfElse(
                SagaScheduler.HasScheduler,
                arm => arm.Schedule(machine.StallCheckTimeout, c => new BulkInvitationStallCheck { BulkJobId = c.Saga.CorrelationId }),
                off => off.Then(StallGuardOff));

    public static EventActivityBinder<BulkInvitationState, T> DisarmStallCheck<T>(
        this EventActivityBinder<BulkInvitationState, T> binder, BulkInvitationStateMachine machine)
        where T : class =>
        binder
            .Activity(x => x.OfType<UseSagaSchedulerActivity<T>>())
            .Unschedule(machine.StallCheckTimeout);

    private static void StallGuardOff(BehaviorContext<BulkInvitationState> context)
    {
        context.Saga.StallCheckTokenId = null;
        var note = context.GetPayload<IServiceProvider>().GetRequiredService<SagaEventFacts>();
        note.Detail = note.Detail is null ? "no message scheduler: stall guard off" : $"{note.Detail}; no message scheduler: stall guard off";
    }
}
