using Microsoft.Extensions.Options;

namespace Invitations.ServiceDefaults.Messaging;

/// <summary>The broker's address, the cluster's nodes and the quorum queues' replicas, checked at start-up.</summary>
public sealed class RabbitMqHostOptionsValidator : IValidateOptions<RabbitMqOptions>
{
    public ValidateOptionsResult Validate(string? name, RabbitMqOptions options)
    {
        var failures = new List<string>();
        if (!Uri.TryCreate(options.Uri, UriKind.Absolute, out var uri) || uri.Scheme is not ("amqp" or "amqps"))
        {
            failures.Add($"RabbitMq:Uri must be an absolute amqp:// or amqps:// address (environment: RabbitMq__Uri).");
        }
        else
        {
            foreach (var node in options.Nodes)
            {
                if (RabbitMqClusterHost.TryParseNode(node, RabbitMqClusterHost.DefaultPort(uri)) is null)
                {
                    failures.Add($"RabbitMq:Nodes has '{node}': each node is host or host:port with a port of 1 to 65535.");
                }
            }
        }

        if (options.QuorumInitialGroupSize < 1)
        {
            failures.Add("RabbitMq:QuorumInitialGroupSize must be at least 1 (3 for a three-node cluster).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
