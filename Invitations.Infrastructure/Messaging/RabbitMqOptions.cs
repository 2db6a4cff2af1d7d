namespace Invitations.Infrastructure.Messaging;

public sealed class RabbitMqOptions
{
    public const string SectionName = "RabbitMq";

    /// <summary>amqp://user:password@host:port/vhost</summary>
    public string Uri { get; set; } = string.Empty;

    /// <summary>Durable endpoints are quorum queues (replicated in a cluster; the default in production).</summary>
    public bool QuorumQueues { get; set; } = true;

    /// <summary>How long a process waits for the broker at start-up before it gives up and exits non-zero.</summary>
    public TimeSpan StartTimeout { get; set; } = TimeSpan.FromSeconds(60);
}
