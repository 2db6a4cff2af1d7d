using System.Text.Json;
using Invitations.Data.Scheduling;
using MassTransit;
using MassTransit.Context;
using MassTransit.Scheduling;
using ScheduledMessage = Invitations.Data.Persistence.Entities.ScheduledMessage;

namespace Invitations.Worker.Scheduling;

/// <summary>The scheduler endpoint: stores what is scheduled, forgets what is cancelled.</summary>
public sealed class ScheduleMessageConsumer(ScheduledMessageStore store, TimeProvider clock) :
    IConsumer<ScheduleMessage>,
    IConsumer<CancelScheduledMessage>
{
    public async Task Consume(ConsumeContext<ScheduleMessage> context)
    {
        var message = context.Message;
        var body = context.SerializerContext.GetMessageSerializer(message.Payload, message.PayloadType)
            .GetMessageBody(new MessageSendContext<ScheduleMessage>(message));

        var envelope = new StoredEnvelope
        {
            MessageId = context.MessageId,
            RequestId = context.RequestId,
            CorrelationId = context.CorrelationId,
            ConversationId = context.ConversationId,
            InitiatorId = context.InitiatorId,
            SourceAddress = context.SourceAddress,
            ResponseAddress = context.ResponseAddress,
            FaultAddress = context.FaultAddress,
            ExpirationTime = context.ExpirationTime,
            Headers = WithSchedulingToken(context.Headers, message.CorrelationId),
        };

        await store.UpsertAsync(new ScheduledMessage
        {
            TokenId = message.CorrelationId,
            Destination = message.Destination.ToString(),
            DueAt = ScheduledTime.AsUtc(message.ScheduledTime),
            ContentType = context.ReceiveContext.ContentType?.ToString() ?? "application/vnd.masstransit+json",
            MessageTypes = string.Join(';', message.PayloadType),
            Body = body.GetString(),
            Headers = JsonSerializer.Serialize(envelope),
            CorrelationId = context.CorrelationId,
            CreatedAt = clock.GetUtcNow(),
        }, context.CancellationToken);
    }

    // The scheduler sets the token header on delivery (as Quartz and Hangfire do): MassTransit's Schedule ignores
    // a message whose token is not the saga's current one, and treats one without the header as current.
    private static Dictionary<string, object?> WithSchedulingToken(Headers headers, Guid tokenId)
    {
        var stored = headers.GetAll().ToDictionary(h => h.Key, h => (object?)h.Value, StringComparer.Ordinal);
        foreach (var (key, value) in StoredEnvelope.SchedulingToken(tokenId))
        {
            stored[key] = value;
        }

        return stored;
    }

    // Cancelling a token that already fired, or never existed, deletes nothing and is fine.
    public Task Consume(ConsumeContext<CancelScheduledMessage> context) =>
        store.CancelAsync(context.Message.TokenId, context.CancellationToken);
}
