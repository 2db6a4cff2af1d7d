using Invitations.Contracts.Dealers;
using Invitations.Sagas.BulkInvitation.Messages;
using Invitations.Sagas.BulkInvitation.Ports;
using MassTransit;

namespace Invitations.Sagas.BulkInvitation.Activities;

/// <summary>
/// The saga's counters are the stored rows, counted in its transaction: each row's outcome is written once
/// (conditionally) by whoever produced it, so counting the rows counts every dealer exactly once, whatever
/// was duplicated, lost or batched on the way. An outcome message counts only the rows it names (what moved
/// since they were last counted); the rest (a cancel, a retry, the stall check, which catches a report that
/// was lost) recount every row of the job. Progress follows only when a count moved.
/// </summary>
public sealed class CountOutcomesActivity<TMessage>(IBulkJobRows rows, SagaEventFacts note, TimeProvider clock) : SagaActivity<TMessage>
    where TMessage : class
{
    protected override async Task Run(BehaviorContext<BulkInvitationState, TMessage> context)
    {
        var saga = context.Saga;
        var named = context.Message switch
        {
            DealerOutcomesRecorded recorded => recorded.SucceededRows.Concat(recorded.FailedRows).ToArray(),
            Fault<InviteDealer> fault => [fault.Message.RowNumber],
            _ => null,
        };
        var counted = new OutcomeCounts(saga.SucceededDealers, saga.FailedDealers, saga.SkippedDealers);
        var counts = await rows.CountOutcomesAsync(saga.CorrelationId, counted, named, context.CancellationToken);
        if (counts.Succeeded == saga.SucceededDealers && counts.Failed == saga.FailedDealers && counts.Skipped == saga.SkippedDealers)
        {
            return;
        }

        saga.SucceededDealers = counts.Succeeded;
        saga.FailedDealers = counts.Failed;
        saga.SkippedDealers = counts.Skipped;
        note.OutcomeCounted = true;
        note.PreviousOutcomeAt = saga.LastOutcomeAt;
        saga.LastOutcomeAt = clock.GetUtcNow();
        var summary = $"now {counts.Succeeded} succeeded, {counts.Failed} failed, {counts.Skipped} skipped";
        note.Detail = note.Detail is null ? summary : $"{note.Detail}; {summary}";
    }
}
