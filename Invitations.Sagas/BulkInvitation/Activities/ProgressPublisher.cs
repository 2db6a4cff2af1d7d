using Invitations.Contracts.BulkInvitations;
using MassTransit;

namespace Invitations.Sagas.BulkInvitation.Activities;

internal static class ProgressPublisher
{
    public static Task PublishProgressAsync(BehaviorContext<BulkInvitationState> context, DateTimeOffset now, SagaEventFacts note) =>
        SagaScheduler.PublishAsync(context, new BulkInvitationProgressed(NextCounts(context.Saga, now), now)
        {
            LatestDealerEmailMasked = note.LatestDealerEmailMasked,
            LatestDealerSuccess = note.LatestDealerSuccess,
            LatestDealerError = note.LatestDealerError,
        });

    public static Task PublishCompletedAsync(BehaviorContext<BulkInvitationState> context, DateTimeOffset now) =>
        SagaScheduler.PublishAsync(context, new BulkInvitationCompleted(NextCounts(context.Saga, now), now));

    /// <summary>The saga's counts as the next event of the job carries them.</summary>
    private static BulkJobCounts NextCounts(BulkInvitationState saga, DateTimeOffset now)
    {
        saga.LastProgressPublishedAt = now;
        return new BulkJobCounts
        {
            BulkJobId = saga.CorrelationId,
            SponsorId = saga.SponsorId,
            Status = StatusOf(saga),
            TotalDealers = saga.TotalDealers,
            SucceededDealers = saga.SucceededDealers,
            FailedDealers = saga.FailedDealers,
            SkippedDealers = saga.SkippedDealers,
            Sequence = ++saga.ProgressSequence,
        };
    }

    /// <summary>The saga's state names are the job statuses.</summary>
    public static BulkJobStatus StatusOf(BulkInvitationState saga) =>
        Enum.TryParse<BulkJobStatus>(saga.CurrentState, ignoreCase: false, out var status) ? status : BulkJobStatus.Pending;
}
