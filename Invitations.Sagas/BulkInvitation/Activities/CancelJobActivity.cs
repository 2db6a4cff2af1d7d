using Invitations.Contracts.BulkInvitations;
using Invitations.Sagas.BulkInvitation.Ports;
using MassTransit;

namespace Invitations.Sagas.BulkInvitation.Activities;

public sealed class CancelJobActivity(IBulkJobRows rows, SagaEventFacts note, TimeProvider clock)
    : SagaActivity<CancelBulkInvitation>
{
    protected override async Task Run(BehaviorContext<BulkInvitationState, CancelBulkInvitation> context)
    {
        // Cancelled before the worker started it: the saga begins here and a later submission is ignored.
        if (context.Saga.TotalDealers == 0 && await rows.FindJobAsync(context.Saga.CorrelationId, context.CancellationToken) is { } job)
        {
            context.Saga.SponsorId = job.SponsorId;
            context.Saga.TotalDealers = job.TotalDealers;
            context.Saga.CreatedAt = job.CreatedAt;
        }

        var skipped = await rows.SkipPendingAsync(context.Saga.CorrelationId, clock.GetUtcNow(), context.CancellationToken);
        note.Actor = context.Message.RequestedBy;
        note.Detail = $"{skipped} rows skipped";
    }
}
