using MassTransit;

namespace Invitations.Sagas.BulkInvitation.Activities;

/// <summary>
/// Runs before MassTransit's <c>Schedule</c>/<c>Unschedule</c>: where the process has the saga's outbox, their
/// timers and cancellations go to it (written or deleted with the saga row) instead of to the bus's scheduler.
/// </summary>
public sealed class UseSagaSchedulerActivity<TMessage> : SagaActivity<TMessage>
    where TMessage : class
{
    protected override Task Run(BehaviorContext<BulkInvitationState, TMessage> context)
    {
        SagaScheduler.UseOutboxScheduler(context);
        return Task.CompletedTask;
    }
}
