using Invitations.Contracts.Dealers;
using Invitations.Sagas.BulkInvitation.Ports;
using MassTransit;

namespace Invitations.Sagas.BulkInvitation.Activities;

/// <summary>Retries and redeliveries are exhausted: the row fails with the last error.</summary>
public sealed class RecordDealerFaultActivity(IBulkJobRows rows, SagaEventNote note, TimeProvider clock)
    : RecordOutcomeActivity<Fault<InviteDealer>>(rows, note, clock)
{
    public const string ReasonCode = "retries-exhausted";

    protected override RowOutcome Read(Fault<InviteDealer> message, DateTimeOffset now)
    {
        var error = message.Exceptions.FirstOrDefault()?.Message ?? "The invitation could not be processed.";
        error = error.Length > 500 ? error[..500] : error;
        return new RowOutcome(message.Message.RowNumber, message.Message.Attempt, false, null, null, ReasonCode, error, now);
    }

    protected override string? MaskedEmail(Fault<InviteDealer> message) => null;
}
