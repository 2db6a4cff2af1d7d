namespace Invitations.ServiceDefaults.Messaging;

public sealed class RabbitMqOptions
{
    public const string SectionName = "RabbitMq";

    /// <summary>
    /// amqp://user:password@host:port/vhost. With <see cref="Nodes"/> set, only its scheme, credentials and virtual
    /// host are used to connect (its host still names the bus).
    /// </summary>
    public string Uri { get; set; } = string.Empty;

    /// <summary>
    /// The nodes of a RabbitMQ cluster, each <c>host</c> or <c>host:port</c> (the port defaults to the Uri's).
    /// Empty: the Uri's host alone. Set: a connection goes to one node at a time, and each reconnect to the next
    /// in the list (<see cref="RabbitMqClusterHost"/>).
    /// </summary>
    public string[] Nodes { get; set; } = [];

    /// <summary>Durable endpoints are quorum queues (replicated in a cluster; the default in production).</summary>
    public bool QuorumQueues { get; set; } = true;

    /// <summary>
    /// Replicas of each new quorum queue (<c>x-quorum-initial-group-size</c>): 3, so a message confirmed to a
    /// publisher survives the loss of any one node of three. The broker caps it at the cluster's size.
    /// </summary>
    public int QuorumInitialGroupSize { get; set; } = 3;

    /// <summary>How long a process waits for the broker at start-up before it gives up and exits non-zero.</summary>
    public TimeSpan StartTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// A message still being consumed after this long is given up, so its endpoint can reconnect (see
    /// <see cref="ConsumeDeadlineFilter"/>); far above any consume that makes progress.
    /// </summary>
    public TimeSpan ConsumeDeadline { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>
    /// A message whose retries ran out on a transient fault (database or broker away) goes back to its queue after
    /// this back-off, doubled with each delivery up to <see cref="RequeueDelayMax"/> (see <see cref="TransientRequeueFilter"/>).
    /// </summary>
    public TimeSpan RequeueDelayMin { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest back-off before a transiently failed message goes back to its queue.</summary>
    public TimeSpan RequeueDelayMax { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>
    /// A receive endpoint that stays not healthy, or a queue of ours with messages ready and no consumer, this long
    /// while the broker answers fails the process's liveness check, so it is restarted (see <see cref="EndpointWatchdog"/>).
    /// </summary>
    public TimeSpan EndpointStuckLimit { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>How often the endpoint watchdog looks.</summary>
    public TimeSpan WatchdogInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How long a background loop (the scheduler's delivery, the dispatcher) waits on one publish or send.</summary>
    public TimeSpan SendTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// The token for a publish or send outside a consume: cancelled with <paramref name="cancellationToken"/> or
    /// after <see cref="SendTimeout"/>, so a publish whose confirm was lost in a broker restart cannot wait for ever.
    /// </summary>
    public CancellationTokenSource SendDeadline(CancellationToken cancellationToken)
    {
        var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(SendTimeout);
        return deadline;
    }
}
