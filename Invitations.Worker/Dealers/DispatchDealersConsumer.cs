using Invitations.Contracts.Dealers;
using Invitations.Data.BulkJobs;
using Invitations.Sagas.BulkInvitation;
using Invitations.Sagas.BulkInvitation.Messages;
using MassTransit;
using Microsoft.Extensions.Options;

namespace Invitations.Worker.Dealers;

/// <summary>
/// Sends a job's InviteDealer messages page by page: the page's attempt is committed first (an outcome
/// may arrive before the last send of the page returns, and the saga counts only the current attempt),
/// then the page is published in parallel (one awaited publish at a time tops out near 1,000/s). A crash
/// between the two is healed by the redelivery of this message, which re-sends every pending row with
/// its current attempt; the consumer is idempotent per row, so nothing is done twice in effect.
/// No outbox here on purpose: the sends must not wait for the whole job.
/// </summary>
public sealed class DispatchDealersConsumer(BulkJobDispatchStore store, TimeProvider clock, IOptions<SagaOptions> options)
    : IConsumer<DispatchDealers>
{
    public async Task Consume(ConsumeContext<DispatchDealers> context)
    {
        var jobId = context.Message.BulkJobId;
        var size = Math.Max(1, options.Value.DispatchBatchSize);
        var includeDispatched = context.Message.IncludeDispatched || context.ReceiveContext.Redelivered || context.GetRetryAttempt() > 0;
        var after = 0;
        while (true)
        {
            var page = await store.NextPageAsync(jobId, after, includeDispatched, size, context.CancellationToken);
            if (page.Count == 0)
            {
                return;
            }

            var first = page.Where(r => r.FirstDispatch).Select(r => r.RowNumber).ToArray();
            if (first.Length > 0)
            {
                await store.MarkDispatchedAsync(jobId, first, clock.GetUtcNow(), context.CancellationToken);
            }

            await Task.WhenAll(page.Select(row => context.Publish(
                new InviteDealer { BulkJobId = jobId, RowNumber = row.RowNumber, Attempt = row.Attempt },
                context.CancellationToken)));
            after = page[^1].RowNumber;
        }
    }
}
