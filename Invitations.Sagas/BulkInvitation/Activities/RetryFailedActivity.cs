using Invitations.Contracts.BulkInvitations;
using Invitations.Sagas.BulkInvitation.Messages;
using Invitations.Sagas.BulkInvitation.Ports;
using MassTransit;

namespace Invitations.Sagas.BulkInvitation.Activities;

/// <summary>Failed rows that can succeed now run again; the transition back to Processing follows when any did.</summary>
public sealed class RetryFailedActivity(IBulkJobRows rows, SagaEventFacts note, TimeProvider clock)
    : SagaActivity<RetryFailedDealers>
{
    protected override async Task Run(BehaviorContext<BulkInvitationState, RetryFailedDealers> context)
    {
        var saga = context.Saga;
        note.Actor = context.Message.RequestedBy;
        var reset = await rows.ResetFailedForRetryAsync(saga.CorrelationId, context.CancellationToken);
        note.Detail = $"{reset} failed rows run again";
        if (reset == 0)
        {
            return;
        }

        saga.CompletedAt = null;
        saga.LastOutcomeAt = clock.GetUtcNow();
        await rows.SetJobStatusAsync(saga.CorrelationId, BulkJobStatus.Processing, clock.GetUtcNow(), context.CancellationToken);
        await SagaScheduler.PublishAsync(context, new DispatchDealers { BulkJobId = saga.CorrelationId });
    }
}
