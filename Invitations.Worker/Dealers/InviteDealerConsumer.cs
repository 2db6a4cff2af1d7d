using Invitations.Contracts.Dealers;
using MassTransit;

namespace Invitations.Worker.Dealers;

/// <summary>One row: the service does the idempotent work; the outcome is published after it.</summary>
public sealed class InviteDealerConsumer(DealerInvitationService service, TimeProvider clock) : IConsumer<InviteDealer>
{
    public async Task Consume(ConsumeContext<InviteDealer> context)
    {
        var message = context.Message;
        DealerResult result;
        try
        {
            result = await service.ProcessAsync(message.BulkJobId, message.RowNumber, context.CancellationToken);
        }
        catch (DealerRejectedException rejected)
        {
            await context.Publish(new DealerInvitationFailed
            {
                BulkJobId = message.BulkJobId,
                RowNumber = message.RowNumber,
                Attempt = message.Attempt,
                ReasonCode = rejected.ReasonCode,
                Reason = rejected.Message,
                DealerEmailMasked = await service.MaskedEmailAsync(message.BulkJobId, message.RowNumber, context.CancellationToken),
                At = clock.GetUtcNow(),
            });
            return;
        }

        if (result.Skipped)
        {
            return;
        }

        await context.Publish(new DealerInvited
        {
            BulkJobId = message.BulkJobId,
            RowNumber = message.RowNumber,
            Attempt = message.Attempt,
            InvitationId = result.InvitationId,
            DealerId = result.DealerId,
            CodesHandedOver = result.CodesHandedOver,
            DealerEmailMasked = result.EmailMasked,
            At = clock.GetUtcNow(),
        });
    }
}
