using MassTransit;
using MassTransit.Scheduling;

namespace Invitations.Data.Scheduling;

/// <summary>
/// MassTransit's schedule provider for the saga's consume context: a <c>Schedule</c> becomes a row of the saga's
/// transaction (<see cref="PostgresSagaOutbox"/>) instead of a ScheduleMessage sent to the scheduler queue, and an
/// <c>Unschedule</c> deletes the pending row in the same transaction.
/// </summary>
internal sealed class SagaOutboxScheduleMessageProvider(PostgresSagaOutbox outbox, ConsumeContext context) : BaseScheduleMessageProvider
{
    protected override Task ScheduleSend(ScheduleMessage message, IPipe<SendContext<ScheduleMessage>> pipe, CancellationToken cancellationToken)
    {
        outbox.Schedule(context, message);
        return Task.CompletedTask;
    }

    protected override Task CancelScheduledSend(Guid tokenId, Uri destinationAddress, CancellationToken cancellationToken) =>
        outbox.CancelAsync(tokenId, cancellationToken);
}
