using Invitations.Contracts.Dealers;
using Invitations.Sagas.BulkInvitation.Ports;
using MassTransit;

namespace Invitations.Sagas.BulkInvitation.Activities;

/// <summary>Retries and redeliveries are exhausted: the row fails with the last error (once, for its current attempt).</summary>
public sealed class RecordDealerFaultActivity(IBulkJobRows rows, SagaEventFacts note, TimeProvider clock) : SagaActivity<Fault<InviteDealer>>
{
    public const string ReasonCode = RejectionReasons.RetriesExhausted;

    protected override async Task Run(BehaviorContext<BulkInvitationState, Fault<InviteDealer>> context)
    {
        var message = context.Message;
        var error = message.Exceptions.FirstOrDefault()?.Message ?? "The invitation could not be processed.";
        error = error.Length > 500 ? error[..500] : error;
        var outcome = new RowOutcome(message.Message.RowNumber, message.Message.Attempt, false, null, null, ReasonCode, error, clock.GetUtcNow());
        var recorded = await rows.RecordOutcomeAsync(context.Saga.CorrelationId, outcome, context.CancellationToken);
        note.Detail = !recorded
            ? $"row {outcome.RowNumber} attempt {outcome.Attempt} failed ({ReasonCode}): already recorded, ignored"
            : $"row {outcome.RowNumber} attempt {outcome.Attempt} failed ({ReasonCode})";
        note.LatestDealerSuccess = false;
        note.LatestDealerError = error;
    }
}
