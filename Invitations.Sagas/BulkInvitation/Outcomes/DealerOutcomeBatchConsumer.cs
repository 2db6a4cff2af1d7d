using Invitations.Contracts.Dealers;
using Invitations.Sagas.BulkInvitation.Messages;
using MassTransit;

namespace Invitations.Sagas.BulkInvitation.Outcomes;

/// <summary>
/// Turns a batch of dealer outcome events into one <see cref="DealerOutcomesRecorded"/> per job. One saga
/// transaction per dealer capped a job near 220 dealers/s (docs/PERFORMANCE.md); one per batch does not.
/// Safe with competing workers: each sends what it saw, and the saga recounts the stored rows. Rows done in a
/// group skip this step: the group reports them itself (<c>DealerGroupBatcher</c> in the Worker).
/// </summary>
public sealed class DealerOutcomeBatchConsumer(TimeProvider clock) : IConsumer<Batch<DealerInvited>>, IConsumer<Batch<DealerInvitationFailed>>
{
    public Task Consume(ConsumeContext<Batch<DealerInvited>> context) =>
        PublishAsync(context, context.Message.Select(m => new DealerOutcomeReport(m.Message.BulkJobId, m.Message.RowNumber, m.Message.At, m.Message.DealerEmailMasked, null)));

    public Task Consume(ConsumeContext<Batch<DealerInvitationFailed>> context) =>
        PublishAsync(context, context.Message.Select(m => new DealerOutcomeReport(m.Message.BulkJobId, m.Message.RowNumber, m.Message.At, m.Message.DealerEmailMasked, m.Message.Reason)));

    private Task PublishAsync(ConsumeContext context, IEnumerable<DealerOutcomeReport> reports) =>
        Task.WhenAll(DealerOutcomeReport.Coalesce(reports, clock.GetUtcNow()).Select(message => context.Publish(message)));
}
