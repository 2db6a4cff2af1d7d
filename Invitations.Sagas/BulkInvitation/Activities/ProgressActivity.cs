using Invitations.Contracts.BulkInvitations;
using Invitations.Sagas.BulkInvitation.Messages;
using MassTransit;
using Microsoft.Extensions.Options;

namespace Invitations.Sagas.BulkInvitation.Activities;

/// <summary>
/// Throttled progress: at most one event per interval per job. An update suppressed by the throttle
/// schedules one tick at the end of the interval (only the first suppressed one does), so the last
/// counts are never stale for longer than the interval; the final counts are always published.
/// </summary>
public sealed class ProgressActivity<TMessage>(SagaEventFacts note, TimeProvider clock, IOptions<SagaOptions> options)
    : SagaActivity<TMessage>
    where TMessage : class
{
    protected override async Task Run(BehaviorContext<BulkInvitationState, TMessage> context)
    {
        var saga = context.Saga;
        var now = clock.GetUtcNow();
        var interval = options.Value.ProgressInterval;
        if (context.Message is BulkInvitationProgressTick)
        {
            if (saga.LastOutcomeAt > saga.LastProgressPublishedAt)
            {
                await ProgressPublisher.PublishProgressAsync(context, now, note);
            }

            return;
        }

        if (!note.OutcomeCounted)
        {
            return;
        }

        var finished = saga.ProcessedDealers >= saga.TotalDealers;
        var due = saga.LastProgressPublishedAt is null || now - saga.LastProgressPublishedAt >= interval;
        if (finished || due)
        {
            await ProgressPublisher.PublishProgressAsync(context, now, note);
            return;
        }

        // Not a MassTransit Schedule: at most one tick is pending, and whether one is follows from the timestamps
        // (an outcome after the last publish armed it), so it needs no token; the first held-back update fixes
        // when it fires, where a Schedule would be replaced (pushed later) by every outcome; and arming or
        // cancelling on every outcome would add a scheduler write to the saga's busiest path.
        var tickOutstanding = note.PreviousOutcomeAt > saga.LastProgressPublishedAt;
        if (!tickOutstanding)
        {
            var delay = saga.LastProgressPublishedAt!.Value + interval - now;
            await SagaScheduler.TrySchedulePublishAsync(context, delay, new BulkInvitationProgressTick { BulkJobId = saga.CorrelationId });
        }
    }
}
