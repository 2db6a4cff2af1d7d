using Invitations.Contracts.BulkInvitations;
using MassTransit;

namespace Invitations.Sagas.BulkInvitation.Activities;

internal static class ProgressPublisher
{
    public static Task PublishProgressAsync(BehaviorContext<BulkInvitationState> context, DateTimeOffset now, SagaEventFacts note)
    {
        var saga = context.Saga;
        saga.LastProgressPublishedAt = now;
        return SagaScheduler.PublishAsync(context, new BulkInvitationProgressed
        {
            BulkJobId = saga.CorrelationId,
            SponsorId = saga.SponsorId,
            Status = StatusOf(saga),
            TotalDealers = saga.TotalDealers,
            SucceededDealers = saga.SucceededDealers,
            FailedDealers = saga.FailedDealers,
            SkippedDealers = saga.SkippedDealers,
            LatestDealerEmailMasked = note.LatestDealerEmailMasked,
            LatestDealerSuccess = note.LatestDealerSuccess,
            LatestDealerError = note.LatestDealerError,
            Sequence = ++saga.ProgressSequence,
            At = now,
        });
    }

    public static Task PublishCompletedAsync(BehaviorContext<BulkInvitationState> context, DateTimeOffset now)
    {
        var saga = context.Saga;
        saga.LastProgressPublishedAt = now;
        return SagaScheduler.PublishAsync(context, new BulkInvitationCompleted
        {
            BulkJobId = saga.CorrelationId,
            SponsorId = saga.SponsorId,
            Status = StatusOf(saga),
            TotalDealers = saga.TotalDealers,
            SucceededDealers = saga.SucceededDealers,
            FailedDealers = saga.FailedDealers,
            SkippedDealers = saga.SkippedDealers,
            Sequence = ++saga.ProgressSequence,
            CompletedAt = now,
        });
    }

    /// <summary>The saga's state names are the job statuses.</summary>
    public static BulkJobStatus StatusOf(BulkInvitationState saga) =>
        Enum.TryParse<BulkJobStatus>(saga.CurrentState, ignoreCase: false, out var status) ? status : BulkJobStatus.Pending;
}
