using Invitations.Sagas.BulkInvitation.Messages;
using MassTransit;

namespace Invitations.Sagas.BulkInvitation.Activities;

/// <summary>The rows are already recorded by the dealer consumer: this notes which, for the timeline and the progress line.</summary>
public sealed class RecordOutcomesActivity(SagaEventFacts note) : SagaActivity<DealerOutcomesRecorded>
{
    private const int ListedRows = 40;

    protected override Task Run(BehaviorContext<BulkInvitationState, DealerOutcomesRecorded> context)
    {
        var message = context.Message;
        note.LatestDealerEmailMasked = message.LatestDealerEmailMasked;
        note.LatestDealerSuccess = message.LatestDealerSuccess;
        note.LatestDealerError = message.LatestDealerError;
        note.Detail = $"succeeded rows {Rows(message.SucceededRows)}; failed rows {Rows(message.FailedRows)}";
        return Task.CompletedTask;
    }

    private static string Rows(int[] rows) => rows.Length switch
    {
        0 => "none",
        <= ListedRows => string.Join(", ", rows),
        _ => $"{string.Join(", ", rows.Take(ListedRows))} and {rows.Length - ListedRows} more",
    };
}
