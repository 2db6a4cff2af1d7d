using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace Invitations.ServiceDefaults.Tests.Messaging;

/// <summary>Messages in a queue as the broker counts them; a queue never declared holds none.</summary>
public static class QueueDepth
{
    public static async Task<uint> OfAsync(string amqpUri, string queue)
    {
        var factory = new ConnectionFactory { Uri = new Uri(amqpUri) };
        await using var connection = await factory.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();
        try
        {
            return (await channel.QueueDeclarePassiveAsync(queue)).MessageCount;
        }
        catch (OperationInterruptedException ex) when (ex.ShutdownReason?.ReplyCode == 404)
        {
            return 0;
        }
    }
}
