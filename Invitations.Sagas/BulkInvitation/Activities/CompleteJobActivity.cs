using Invitations.Sagas.BulkInvitation.Ports;
using MassTransit;

namespace Invitations.Sagas.BulkInvitation.Activities;

/// <summary>Runs after the transition to a final state: releases unused codes, mirrors the status, announces it.</summary>
public sealed class CompleteJobActivity<TMessage>(IBulkJobRows rows, SagaEventFacts note, SagaMetrics metrics, TimeProvider clock)
    : SagaActivity<TMessage>
    where TMessage : class
{
    protected override async Task Run(BehaviorContext<BulkInvitationState, TMessage> context)
    {
        var saga = context.Saga;
        var now = clock.GetUtcNow();
        saga.CompletedAt = now;
        var released = await rows.ReleaseUnusedCodesAsync(saga.CorrelationId, context.CancellationToken);
        var status = ProgressPublisher.StatusOf(saga);
        await rows.SetJobStatusAsync(saga.CorrelationId, status, now, context.CancellationToken);
        await ProgressPublisher.PublishCompletedAsync(context, now);
        metrics.JobDuration.Record(
            (now - (saga.StartedAt ?? saga.CreatedAt)).TotalSeconds, new KeyValuePair<string, object?>("status", status.ToString()));
        var summary = $"{status}: {saga.SucceededDealers} succeeded, {saga.FailedDealers} failed, {saga.SkippedDealers} skipped, {released} codes released";
        note.Detail = note.Detail is null ? summary : $"{note.Detail}; {summary}";
    }
}
