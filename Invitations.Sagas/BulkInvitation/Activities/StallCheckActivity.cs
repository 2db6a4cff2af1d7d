using Invitations.Sagas.BulkInvitation.Messages;
using MassTransit;
using Microsoft.Extensions.Options;

namespace Invitations.Sagas.BulkInvitation.Activities;

/// <summary>
/// A job with no outcome for the stall timeout has its pending rows sent again (a lost message, a
/// dispatcher that died): the consumer is idempotent, so a row that was only slow is not done twice.
/// </summary>
public sealed class StallCheckActivity(SagaEventFacts note, TimeProvider clock, IOptions<SagaOptions> options)
    : SagaActivity<BulkInvitationStallCheck>
{
    protected override async Task Run(BehaviorContext<BulkInvitationState, BulkInvitationStallCheck> context)
    {
        var saga = context.Saga;
        var quietSince = saga.LastOutcomeAt ?? saga.StartedAt ?? saga.CreatedAt;
        if (clock.GetUtcNow() - quietSince < options.Value.StallTimeout)
        {
            note.Detail = "outcomes are arriving";
            return;
        }

        note.Detail = $"no outcome since {quietSince:O}: pending rows dispatched again";
        saga.LastOutcomeAt = clock.GetUtcNow();
        await SagaScheduler.PublishAsync(context, new DispatchDealers { BulkJobId = saga.CorrelationId, IncludeDispatched = true });
    }
}
