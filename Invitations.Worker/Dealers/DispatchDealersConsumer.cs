using Invitations.Contracts.Dealers;
using Invitations.Infrastructure.BulkJobs;
using Invitations.Sagas.BulkInvitation;
using Invitations.Sagas.BulkInvitation.Messages;
using MassTransit;
using Microsoft.Extensions.Options;

namespace Invitations.Worker.Dealers;

/// <summary>
/// Sends a job's InviteDealer messages page by page, in parallel within a page (one awaited publish at
/// a time tops out near 1,000/s), then marks the page dispatched. A crash half-way re-sends at most
/// one page on redelivery, and the consumer is idempotent per row, so nothing is done twice in effect.
/// No outbox here on purpose: a page is marked only once the broker has confirmed its messages.
/// </summary>
public sealed class DispatchDealersConsumer(BulkJobDispatchStore store, TimeProvider clock, IOptions<SagaOptions> options)
    : IConsumer<DispatchDealers>
{
    public async Task Consume(ConsumeContext<DispatchDealers> context)
    {
        var jobId = context.Message.BulkJobId;
        var size = Math.Max(1, options.Value.DispatchBatchSize);
        var after = 0;
        while (true)
        {
            var page = await store.NextPageAsync(jobId, after, context.Message.IncludeDispatched, size, context.CancellationToken);
            if (page.Count == 0)
            {
                return;
            }

            await Task.WhenAll(page.Select(row => context.Publish(
                new InviteDealer { BulkJobId = jobId, RowNumber = row.RowNumber, Attempt = row.Attempt },
                context.CancellationToken)));

            var first = page.Where(r => r.FirstDispatch).Select(r => r.RowNumber).ToArray();
            if (first.Length > 0)
            {
                await store.MarkDispatchedAsync(jobId, first, clock.GetUtcNow(), context.CancellationToken);
            }

            after = page[^1].RowNumber;
        }
    }
}
