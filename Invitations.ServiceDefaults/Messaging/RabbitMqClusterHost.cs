using System.Globalization;
using MassTransit;

namespace Invitations.ServiceDefaults.Messaging;

/// <summary>
/// The broker host of every bus: the Uri alone, or the Uri's credentials and virtual host over the cluster's
/// nodes. MassTransit 8.5 (<c>UseCluster</c>) hands RabbitMQ.Client one node per connection attempt, in turn:
/// the first connection goes to the first node, and each new one (a reconnect after the node went away, or a
/// retry after a refused connect) to the next, so a process leaves a lost node at its next reconnect.
/// </summary>
public static class RabbitMqClusterHost
{
    public static void Configure(IRabbitMqBusFactoryConfigurator cfg, RabbitMqOptions options)
    {
        var uri = new Uri(options.Uri);
        if (options.Nodes.Length == 0)
        {
            cfg.Host(uri);
            return;
        }

        cfg.Host(uri, host => host.UseCluster(cluster =>
        {
            foreach (var node in options.Nodes)
            {
                var (name, port) = ParseNode(node, uri.IsDefaultPort ? DefaultPort(uri) : uri.Port);
                cluster.Node(string.Create(CultureInfo.InvariantCulture, $"{name}:{port}"));
            }
        }));
    }

    /// <summary>
    /// A plain RabbitMQ.Client connection to the same broker (the endpoint watchdog's own): over the cluster's nodes
    /// when there are any, so it follows a lost node as the buses do.
    /// </summary>
    public static Task<RabbitMQ.Client.IConnection> ConnectAsync(RabbitMqOptions options, CancellationToken cancellationToken)
    {
        var uri = new Uri(options.Uri);
        var factory = new RabbitMQ.Client.ConnectionFactory { Uri = uri };
        if (options.Nodes.Length == 0)
        {
            return factory.CreateConnectionAsync(cancellationToken);
        }

        var port = uri.IsDefaultPort ? DefaultPort(uri) : uri.Port;
        var endpoints = options.Nodes
            .Select(node => ParseNode(node, port))
            .Select(node => new RabbitMQ.Client.AmqpTcpEndpoint(node.Host, node.Port, factory.Ssl))
            .ToList();
        return factory.CreateConnectionAsync(endpoints, cancellationToken);
    }

    /// <summary><c>host</c> or <c>host:port</c>; null when it is neither.</summary>
    public static (string Host, int Port)? TryParseNode(string? node, int defaultPort)
    {
        var parts = (node ?? string.Empty).Trim().Split(':');
        if (parts.Length > 2 || Uri.CheckHostName(parts[0]) == UriHostNameType.Unknown)
        {
            return null;
        }

        if (parts.Length == 1)
        {
            return (parts[0], defaultPort);
        }

        return int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port is > 0 and <= 65535
            ? (parts[0], port)
            : null;
    }

    public static int DefaultPort(Uri uri) => uri.Scheme == "amqps" ? 5671 : 5672;

    private static (string Host, int Port) ParseNode(string node, int defaultPort) =>
        TryParseNode(node, defaultPort) ?? throw new InvalidOperationException($"RabbitMq:Nodes has an invalid node '{node}' (host or host:port).");
}
