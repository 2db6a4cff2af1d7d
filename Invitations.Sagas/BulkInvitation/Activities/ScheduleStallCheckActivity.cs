using Invitations.Sagas.BulkInvitation.Messages;
using MassTransit;
using Microsoft.Extensions.Options;

namespace Invitations.Sagas.BulkInvitation.Activities;

/// <summary>Arms the next stall check; only the latest armed check counts (see <see cref="BulkInvitationStallCheck.CheckId"/>).</summary>
public sealed class ScheduleStallCheckActivity<TMessage>(SagaEventFacts note, IOptions<SagaOptions> options)
    : SagaActivity<TMessage>
    where TMessage : class
{
    protected override async Task Run(BehaviorContext<BulkInvitationState, TMessage> context)
    {
        var check = new BulkInvitationStallCheck { BulkJobId = context.Saga.CorrelationId, CheckId = NewId.NextGuid() };
        if (await SagaScheduler.TrySchedulePublishAsync(context, options.Value.StallTimeout, check))
        {
            context.Saga.StallCheckTokenId = check.CheckId;
        }
        else
        {
            context.Saga.StallCheckTokenId = null;
            note.Detail = note.Detail is null ? "no message scheduler: stall guard off" : $"{note.Detail}; no message scheduler: stall guard off";
        }
    }
}
