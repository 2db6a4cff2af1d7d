using Invitations.Contracts.BulkInvitations;
using Invitations.Sagas.BulkInvitation.Messages;
using Invitations.Sagas.BulkInvitation.Ports;
using MassTransit;

namespace Invitations.Sagas.BulkInvitation.Activities;

public sealed class StartJobActivity(IBulkJobRows rows, SagaEventFacts note, TimeProvider clock)
    : SagaActivity<BulkInvitationSubmitted>
{
    protected override async Task Run(BehaviorContext<BulkInvitationState, BulkInvitationSubmitted> context)
    {
        var saga = context.Saga;
        var now = clock.GetUtcNow();
        saga.SponsorId = context.Message.SponsorId;
        saga.TotalDealers = context.Message.TotalDealers;
        saga.CreatedAt = now;
        saga.StartedAt = now;
        await rows.SetJobStatusAsync(saga.CorrelationId, BulkJobStatus.Processing, now, context.CancellationToken);
        await SagaScheduler.PublishAsync(context, new DispatchDealers { BulkJobId = saga.CorrelationId });
        note.Detail = $"{saga.TotalDealers} dealers to invite";
    }
}
