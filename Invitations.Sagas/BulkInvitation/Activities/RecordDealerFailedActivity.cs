using Invitations.Contracts.Dealers;
using Invitations.Sagas.BulkInvitation.Ports;

namespace Invitations.Sagas.BulkInvitation.Activities;

public sealed class RecordDealerFailedActivity(IBulkJobRows rows, SagaEventNote note, TimeProvider clock)
    : RecordOutcomeActivity<DealerInvitationFailed>(rows, note, clock)
{
    protected override RowOutcome Read(DealerInvitationFailed message, DateTimeOffset now) =>
        new(message.RowNumber, message.Attempt, false, null, null, message.ReasonCode, message.Reason, message.At);

    protected override string? MaskedEmail(DealerInvitationFailed message) => message.DealerEmailMasked;
}
