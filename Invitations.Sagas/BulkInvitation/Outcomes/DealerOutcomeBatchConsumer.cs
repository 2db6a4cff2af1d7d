using Invitations.Contracts.Dealers;
using Invitations.Sagas.BulkInvitation.Messages;
using MassTransit;

namespace Invitations.Sagas.BulkInvitation.Outcomes;

/// <summary>
/// Turns a batch of dealer outcome events into one <see cref="DealerOutcomesRecorded"/> per job. One saga
/// transaction per dealer capped a job near 220 dealers/s (docs/PERFORMANCE.md); one per batch does not.
/// Safe with competing workers: each sends what it saw, and the saga recounts the stored rows.
/// </summary>
public sealed class DealerOutcomeBatchConsumer(TimeProvider clock) : IConsumer<Batch<DealerInvited>>, IConsumer<Batch<DealerInvitationFailed>>
{
    public Task Consume(ConsumeContext<Batch<DealerInvited>> context) =>
        PublishAsync(context, context.Message.Select(m => new Outcome(m.Message.BulkJobId, m.Message.RowNumber, m.Message.At, m.Message.DealerEmailMasked, null)));

    public Task Consume(ConsumeContext<Batch<DealerInvitationFailed>> context) =>
        PublishAsync(context, context.Message.Select(m => new Outcome(m.Message.BulkJobId, m.Message.RowNumber, m.Message.At, m.Message.DealerEmailMasked, m.Message.Reason)));

    private Task PublishAsync(ConsumeContext context, IEnumerable<Outcome> outcomes) =>
        Task.WhenAll(outcomes.GroupBy(o => o.JobId).Select(job =>
        {
            var latest = job.MaxBy(o => o.At)!;
            return context.Publish(new DealerOutcomesRecorded
            {
                BulkJobId = job.Key,
                SucceededRows = job.Where(o => o.Error is null).Select(o => o.RowNumber).Distinct().Order().ToArray(),
                FailedRows = job.Where(o => o.Error is not null).Select(o => o.RowNumber).Distinct().Order().ToArray(),
                LatestDealerEmailMasked = latest.EmailMasked,
                LatestDealerSuccess = latest.Error is null,
                LatestDealerError = latest.Error,
                At = clock.GetUtcNow(),
            });
        }));

    private sealed record Outcome(Guid JobId, int RowNumber, DateTimeOffset At, string EmailMasked, string? Error);
}
