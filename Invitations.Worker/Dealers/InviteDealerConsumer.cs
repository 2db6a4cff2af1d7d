using Invitations.Contracts.Dealers;
using Invitations.ServiceDefaults.Hosting;
using Invitations.Worker.Faults;
using MassTransit;
using Microsoft.Extensions.Options;

namespace Invitations.Worker.Dealers;

/// <summary>
/// One row: the service does the idempotent work and records the row's outcome, in a group with the other
/// rows in hand (the group reports the outcome to the saga) or alone (the outcome event is published after
/// it, and the saga learns of it in batches, see <c>DealerOutcomeBatchConsumer</c>).
/// </summary>
public sealed class InviteDealerConsumer(
    DealerGroupBatcher groups, SingleRowLimiter alone, DealerInvitationService service, FaultInjection faults, Telemetry telemetry, TimeProvider clock,
    IOptions<DealerOptions> options) : IConsumer<InviteDealer>
{
    public async Task Consume(ConsumeContext<InviteDealer> context)
    {
        var message = context.Message;
        DealerResult result;
        try
        {
            result = await groups.ProcessAsync(message, context.CancellationToken)
                ?? await alone.RunAsync(() => service.ProcessAsync(message, context.CancellationToken), context.CancellationToken);
        }
        catch (SmsAttemptUnderWayException ex) when (context.GetRetryAttempt() >= options.Value.RetryLimit)
        {
            // The quick retries did not see the other attempt end (its Worker may have died mid-send): look again
            // when its claim ends, as a new delivery, so a live claim never uses up the row's redeliveries.
            await context.ScheduleSend(context.ReceiveContext.InputAddress, ex.ClaimedUntil.UtcDateTime, message);
            return;
        }

        Count(result);
        if (result.Reported)
        {
            return;
        }

        faults.BeforeOutcomePublish(message.RowNumber);
        switch (result.Kind)
        {
            case DealerResultKind.Invited:
                await context.Publish(new DealerInvited
                {
                    BulkJobId = message.BulkJobId,
                    RowNumber = message.RowNumber,
                    Attempt = message.Attempt,
                    InvitationId = result.InvitationId!.Value,
                    DealerId = result.DealerId,
                    CodesHandedOver = result.CodesHandedOver,
                    DealerEmailMasked = result.EmailMasked,
                    At = clock.GetUtcNow(),
                });
                break;
            case DealerResultKind.Rejected:
                await context.Publish(new DealerInvitationFailed
                {
                    BulkJobId = message.BulkJobId,
                    RowNumber = message.RowNumber,
                    Attempt = message.Attempt,
                    ReasonCode = result.ReasonCode!,
                    Reason = result.Reason!,
                    DealerEmailMasked = result.EmailMasked,
                    At = clock.GetUtcNow(),
                });
                break;
            case DealerResultKind.NothingToReport:
            default:
                break;
        }
    }

    private void Count(DealerResult result)
    {
        if (!result.Recorded)
        {
            return;
        }

        telemetry.DealersProcessed.Add(1);
        if (result.Kind == DealerResultKind.Rejected)
        {
            telemetry.DealersFailed.Add(1, new KeyValuePair<string, object?>("reason", result.ReasonCode));
        }
    }
}
