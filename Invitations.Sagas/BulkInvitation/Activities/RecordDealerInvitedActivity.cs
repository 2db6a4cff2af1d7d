using Invitations.Contracts.Dealers;
using Invitations.Sagas.BulkInvitation.Ports;

namespace Invitations.Sagas.BulkInvitation.Activities;

public sealed class RecordDealerInvitedActivity(IBulkJobRows rows, SagaEventNote note, TimeProvider clock)
    : RecordOutcomeActivity<DealerInvited>(rows, note, clock)
{
    protected override RowOutcome Read(DealerInvited message, DateTimeOffset now) =>
        new(message.RowNumber, message.Attempt, true, message.InvitationId, message.DealerId, null, null, message.At);

    protected override string? MaskedEmail(DealerInvited message) => message.DealerEmailMasked;
}
