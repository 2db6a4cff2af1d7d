using Invitations.Sagas.BulkInvitation.Messages;
using MassTransit;

namespace Invitations.Sagas.BulkInvitation.Activities;

/// <summary>
/// A swept job that is not finished after its recount has its pending rows sent again, unless the recount
/// found outcomes that had not been counted (a lost report: the rows are moving). The dealer consumer's
/// per-row lock makes a row that was only slow cost a redundant message, never a second invitation or SMS.
/// </summary>
public sealed class SweepActivity(SagaEventFacts note, TimeProvider clock) : SagaActivity<BulkInvitationSweep>
{
    protected override async Task Run(BehaviorContext<BulkInvitationState, BulkInvitationSweep> context)
    {
        var saga = context.Saga;
        if (note.OutcomeCounted)
        {
            note.Detail = $"swept: uncounted outcomes found; {note.Detail}";
            return;
        }

        note.Detail = $"swept: no outcome since {context.Message.QuietSince:O}, pending rows dispatched again";
        saga.LastOutcomeAt = clock.GetUtcNow();
        await SagaScheduler.PublishAsync(context, new DispatchDealers { BulkJobId = saga.CorrelationId, IncludeDispatched = true });
    }
}
