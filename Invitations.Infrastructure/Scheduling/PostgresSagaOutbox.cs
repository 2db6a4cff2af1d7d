using System.Text.Json;
using Invitations.Infrastructure.Persistence;
using Invitations.Infrastructure.SagaRepository;
using Invitations.Sagas.BulkInvitation.Ports;
using MassTransit;
using MassTransit.Context;
using ScheduledMessage = Invitations.Infrastructure.Persistence.Entities.ScheduledMessage;

namespace Invitations.Infrastructure.Scheduling;

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

        var now = clock.GetUtcNow();
        var types = MessageTypeCache<T>.MessageTypeNames;
        var envelope = new StoredEnvelope
        {
            MessageId = NewId.NextGuid(),
            ConversationId = context.ConversationId,
            InitiatorId = context.MessageId,
            SourceAddress = context.ReceiveContext.InputAddress,
        };
        var sendContext = new MessageSendContext<T>(message) { MessageId = envelope.MessageId, ConversationId = envelope.ConversationId };
        var body = context.SerializerContext.GetMessageSerializer(message, types).GetMessageBody(sendContext);
        db.ScheduledMessages.Add(new ScheduledMessage
        {
            TokenId = NewId.NextGuid(),
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
