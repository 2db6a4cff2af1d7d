using System.Diagnostics;
using System.Text.Json;
using Invitations.Data.Persistence;
using Invitations.Data.SagaRepository;
using Invitations.Sagas.BulkInvitation.Ports;
using MassTransit;
using MassTransit.Context;
using MassTransit.Scheduling;
using Microsoft.EntityFrameworkCore;
using ScheduledMessage = Invitations.Data.Persistence.Entities.ScheduledMessage;

namespace Invitations.Data.Scheduling;

/// <summary>
/// The saga's transactional outbox: each publish becomes a row of <c>scheduled_messages</c> (due now, or at its
/// timer) added to the consume scope's DbContext, so it commits or rolls back with the saga row; the scheduler's
/// delivery loop relays it (<c>FOR UPDATE SKIP LOCKED</c>, a lease, at least once). After the commit the loop is
/// woken at once, so a message due now does not wait for the next poll.
/// </summary>
public sealed class PostgresSagaOutbox(InvitationsDbContext db, IBus bus, ScheduledMessageSignal signal, TimeProvider clock)
    : ISagaOutbox, ISagaCommitObserver
{
    private bool _dueNow;

    public void Publish<T>(ConsumeContext context, T message, DateTimeOffset? at = null)
        where T : class
    {
        if (!bus.Topology.TryGetPublishAddress<T>(out var destination))
        {
            throw new InvalidOperationException($"No publish address for {typeof(T).Name}.");
        }

        Add(context, destination, message, MessageTypeCache<T>.MessageTypeNames, at, NewId.NextGuid(), schedulingToken: false);
    }

    public MessageSchedulerContext Scheduler(ConsumeContext context) =>
        new ConsumeMessageSchedulerContext(context, scope => new MessageScheduler(new SagaOutboxScheduleMessageProvider(this, scope), bus.Topology));

    /// <summary>A MassTransit <c>Schedule</c>: the row carries the schedule's token, as our scheduler endpoint would store it.</summary>
    internal void Schedule(ConsumeContext context, ScheduleMessage command) =>
        Add(context, command.Destination, command.Payload, command.PayloadType, ScheduledTime.AsUtc(command.ScheduledTime), command.CorrelationId,
            schedulingToken: true);

    /// <summary>A MassTransit <c>Unschedule</c>: the pending row goes, in the saga's transaction (which the repository holds open).</summary>
    internal async Task CancelAsync(Guid tokenId, CancellationToken cancellationToken)
    {
        foreach (var added in db.ScheduledMessages.Local.Where(x => x.TokenId == tokenId).ToList())
        {
            db.ScheduledMessages.Remove(added);
        }

        await db.ScheduledMessages.Where(x => x.TokenId == tokenId).ExecuteDeleteAsync(cancellationToken);
    }

    private void Add(ConsumeContext context, Uri destination, object message, string[] types, DateTimeOffset? at, Guid tokenId, bool schedulingToken)
    {
        var now = clock.GetUtcNow();
        var envelope = new StoredEnvelope
        {
            MessageId = NewId.NextGuid(),
            ConversationId = context.ConversationId,
            InitiatorId = context.MessageId,
            SourceAddress = context.ReceiveContext.InputAddress,
            TraceParent = Activity.Current?.IdFormat == ActivityIdFormat.W3C ? Activity.Current.Id : null,
            Headers = schedulingToken ? StoredEnvelope.SchedulingToken(tokenId) : [],
        };
        var sendContext = new MessageSendContext<object>(message) { MessageId = envelope.MessageId, ConversationId = envelope.ConversationId };
        var body = context.SerializerContext.GetMessageSerializer(message, types).GetMessageBody(sendContext);
        db.ScheduledMessages.Add(new ScheduledMessage
        {
            TokenId = tokenId,
            Destination = destination.ToString(),
            DueAt = at ?? now,
            ContentType = context.ReceiveContext.ContentType?.ToString() ?? "application/vnd.masstransit+json",
            MessageTypes = string.Join(';', types),
            Body = body.GetString(),
            Headers = JsonSerializer.Serialize(envelope),
            CreatedAt = now,
        });
        _dueNow |= at is null || at <= now;
    }

    public void Committed()
    {
        if (_dueNow)
        {
            _dueNow = false;
            signal.Notify();
        }
    }
}
