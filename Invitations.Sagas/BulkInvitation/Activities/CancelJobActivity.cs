using Invitations.Contracts.BulkInvitations;
using Invitations.Sagas.BulkInvitation.Ports;
using MassTransit;

namespace Invitations.Sagas.BulkInvitation.Activities;

public sealed class CancelJobActivity(IBulkJobRows rows, SagaEventNote note, TimeProvider clock)
    : SagaActivity<CancelBulkInvitation>
{
    protected override async Task Run(BehaviorContext<BulkInvitationState, CancelBulkInvitation> context)
    {
        var skipped = await rows.SkipPendingAsync(context.Saga.CorrelationId, clock.GetUtcNow(), context.CancellationToken);
        context.Saga.SkippedDealers += skipped;
        note.Actor = context.Message.RequestedBy;
        note.Detail = $"{skipped} rows skipped";
    }
}
