using System.Net.Mime;
using System.Text.Json;
using Invitations.Data.Scheduling;
using MassTransit;
using ScheduledMessage = Invitations.Data.Persistence.Entities.ScheduledMessage;

namespace Invitations.Worker.Scheduling;

/// <summary>Sends a stored message as it was scheduled: same body, message id, correlation and headers.</summary>
internal sealed class ForwardScheduledMessagePipe(ScheduledMessage message, StoredEnvelope envelope) : IPipe<SendContext>
{
    public Task Send(SendContext context)
    {
        var destination = new Uri(message.Destination);
        var deserializer = context.Serialization.GetMessageDeserializer(new ContentType(message.ContentType));
        var serializerContext = deserializer.Deserialize(deserializer.GetMessageBody(message.Body), new StoredHeaders(envelope), destination);

        context.MessageId = envelope.MessageId ?? context.MessageId;
        context.RequestId = envelope.RequestId;
        context.CorrelationId = envelope.CorrelationId;
        context.ConversationId = envelope.ConversationId;
        context.InitiatorId = envelope.InitiatorId;
        context.SourceAddress = envelope.SourceAddress;
        context.ResponseAddress = envelope.ResponseAddress;
        context.FaultAddress = envelope.FaultAddress;
        if (envelope.ExpirationTime is { } expiration)
        {
            context.TimeToLive = expiration.ToUniversalTime() - DateTime.UtcNow;
        }

        foreach (var (key, value) in envelope.Headers)
        {
            if (ToHeaderValue(value) is { } headerValue)
            {
                context.Headers.Set(key, headerValue);
            }
        }

        context.Serializer = serializerContext.GetMessageSerializer();
        return Task.CompletedTask;
    }

    public void Probe(ProbeContext context)
    {
    }

    // Header values come back from jsonb as JsonElement; the transports want plain values.
    internal static object? ToHeaderValue(object? value) => value is JsonElement json
        ? json.ValueKind switch
        {
            JsonValueKind.String => json.GetString(),
            JsonValueKind.Number => json.TryGetInt64(out var whole) ? whole : json.GetDouble(),
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            JsonValueKind.Null or JsonValueKind.Undefined => null,
            _ => json.GetRawText(),
        }
        : value;
}
