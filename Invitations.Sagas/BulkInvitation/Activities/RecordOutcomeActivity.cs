using Invitations.Sagas.BulkInvitation.Ports;
using MassTransit;

namespace Invitations.Sagas.BulkInvitation.Activities;

/// <summary>
/// Counts a row's outcome exactly once: the row update is conditional (still waiting for this attempt),
/// and the counters move only when it changed a row, in the saga's own transaction.
/// </summary>
public abstract class RecordOutcomeActivity<TMessage>(IBulkJobRows rows, SagaEventNote note, TimeProvider clock)
    : SagaActivity<TMessage>
    where TMessage : class
{
    protected abstract RowOutcome Read(TMessage message, DateTimeOffset now);

    protected abstract string? MaskedEmail(TMessage message);

    protected override async Task Run(BehaviorContext<BulkInvitationState, TMessage> context)
    {
        var now = clock.GetUtcNow();
        var outcome = Read(context.Message, now);
        var saga = context.Saga;
        var recorded = await rows.RecordOutcomeAsync(saga.CorrelationId, outcome, context.CancellationToken);
        var verdict = outcome.Succeeded ? "succeeded" : $"failed ({outcome.ErrorCode})";
        if (recorded == RecordedOutcome.Ignored)
        {
            note.Detail = $"row {outcome.RowNumber} attempt {outcome.Attempt} {verdict}: already recorded, ignored";
            return;
        }

        if (recorded == RecordedOutcome.FromSkipped)
        {
            saga.SkippedDealers--;
        }

        if (outcome.Succeeded)
        {
            saga.SucceededDealers++;
        }
        else
        {
            saga.FailedDealers++;
        }

        note.OutcomeCounted = true;
        note.PreviousOutcomeAt = saga.LastOutcomeAt;
        note.LatestDealerEmailMasked = MaskedEmail(context.Message);
        note.LatestDealerSuccess = outcome.Succeeded;
        note.LatestDealerError = outcome.Error;
        note.Detail = $"row {outcome.RowNumber} attempt {outcome.Attempt} {verdict}";
        saga.LastOutcomeAt = now;
    }
}
