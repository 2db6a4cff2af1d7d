using System.Collections.Concurrent;
using MassTransit;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace Invitations.ServiceDefaults.Messaging;

/// <summary>
/// Watches this process's receive endpoints while the broker answers: an endpoint MassTransit reports not healthy,
/// or a durable queue of ours with messages ready and no consumer at all (the broker's own count, asked over a
/// connection of the watchdog's), is noted with the time it was first seen so. One that stays so for
/// <see cref="RabbitMqOptions.EndpointStuckLimit"/> fails the liveness check (<see cref="EndpointWatchdogHealthCheck"/>),
/// and the process is restarted: RabbitMQ.Client 7.2.2 can leave an endpoint without its consumer for as long as
/// the process lives after a broker restart (rabbitmq-dotnet-client#1930), and only a new process was seen to heal it.
/// While the broker does not answer, nothing is held against the process: a restart would not bring the broker back.
/// </summary>
public sealed partial class EndpointWatchdog(
    IBusControl bus, IOptions<RabbitMqOptions> options, TimeProvider clock, ILogger<EndpointWatchdog> logger) : BackgroundService
{
    private readonly ConcurrentDictionary<string, DateTimeOffset> _badSince = new(StringComparer.Ordinal);
    private IConnection? _connection;

    /// <summary>The endpoints stuck for longer than the limit, each with why.</summary>
    public IReadOnlyList<string> Stuck()
    {
        var limit = clock.GetUtcNow() - options.Value.EndpointStuckLimit;
        return [.. _badSince.Where(x => x.Value <= limit).Select(x => $"{x.Key} since {x.Value:O}")];
    }

    public async Task CheckAsync(CancellationToken cancellationToken)
    {
        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        try
        {
            _connection ??= await RabbitMqClusterHost.ConnectAsync(options.Value, cancellationToken);
            foreach (var endpoint in bus.CheckHealth().Endpoints.Values)
            {
                var queue = endpoint.InputAddress.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries).LastOrDefault() ?? string.Empty;
                if (endpoint.Status != BusHealthStatus.Healthy)
                {
                    seen[queue] = $"endpoint {endpoint.Status}: {endpoint.Description}";
                }
                else if (IsDurable(endpoint.InputAddress) && await ReadyWithoutConsumerAsync(queue, cancellationToken) is { } ready)
                {
                    seen[queue] = $"{ready} messages ready, no consumer";
                }
            }
        }
        catch (Exception ex) when (ex is BrokerUnreachableException or AlreadyClosedException or OperationInterruptedException or IOException or TimeoutException)
        {
            // The broker does not answer: nothing to hold against this process.
            await DropConnectionAsync();
            _badSince.Clear();
            return;
        }

        var now = clock.GetUtcNow();
        foreach (var gone in _badSince.Keys.Except(seen.Keys))
        {
            _badSince.TryRemove(gone, out _);
        }

        foreach (var (queue, why) in seen)
        {
            if (_badSince.TryAdd(queue, now))
            {
                LogSuspect(logger, queue, why, options.Value.EndpointStuckLimit);
            }
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.WatchdogInterval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
        {
            try
            {
                await CheckAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                LogCheckFailed(logger, ex);
            }
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        await DropConnectionAsync();
    }

    private async Task<uint?> ReadyWithoutConsumerAsync(string queue, CancellationToken cancellationToken)
    {
        await using var channel = await _connection!.CreateChannelAsync(cancellationToken: cancellationToken);
        try
        {
            var declared = await channel.QueueDeclarePassiveAsync(queue, cancellationToken);
            return declared.MessageCount > 0 && declared.ConsumerCount == 0 ? declared.MessageCount : null;
        }
        catch (OperationInterruptedException ex) when (ex.ShutdownReason?.ReplyCode == 404)
        {
            return null;
        }
    }

    private static bool IsDurable(Uri address) =>
        !address.Query.Contains("temporary=true", StringComparison.OrdinalIgnoreCase) &&
        !address.Query.Contains("durable=false", StringComparison.OrdinalIgnoreCase) &&
        !address.Query.Contains("autodelete=true", StringComparison.OrdinalIgnoreCase);

    private async Task DropConnectionAsync()
    {
        if (_connection is { } connection)
        {
            _connection = null;
            try
            {
                await connection.DisposeAsync();
            }
            catch (Exception ex) when (ex is AlreadyClosedException or OperationInterruptedException or IOException)
            {
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Receive endpoint {Queue} looks stuck ({Why}); the process fails its liveness check if it stays so for {Limit}")]
    private static partial void LogSuspect(ILogger logger, string queue, string why, TimeSpan limit);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Endpoint watchdog check failed")]
    private static partial void LogCheckFailed(ILogger logger, Exception exception);
}
