using System.Diagnostics;
using System.Text.Json;
using Invitations.Data.Scheduling;
using Invitations.ServiceDefaults.Messaging;
using MassTransit;
using MassTransit.Serialization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ScheduledMessage = Invitations.Data.Persistence.Entities.ScheduledMessage;

namespace Invitations.Worker.Scheduling;

/// <summary>
/// Delivers due scheduled messages: claims a batch under a lease, sends each to its destination, deletes it.
/// A crash between send and delete sends the message again after the lease (at-least-once).
/// </summary>
public sealed partial class ScheduledMessageDelivery(
    IServiceScopeFactory scopes,
    IBus bus,
    ScheduledMessageSignal signal,
    TimeProvider clock,
    IOptions<SchedulerOptions> options,
    IOptions<RabbitMqOptions> broker,
    ILogger<ScheduledMessageDelivery> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        while (!stoppingToken.IsCancellationRequested)
        {
            var delivered = 0;
            try
            {
                delivered = await DeliverDueAsync(settings, stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogPollFailed(logger, ex);
            }

            // A full batch means more are probably due: poll again at once. Otherwise wait for the interval, or
            // for a saga commit in this process that wrote a message due now (the outbox's fast path).
            if (delivered < settings.BatchSize)
            {
                try
                {
                    await signal.WaitAsync(settings.PollInterval, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    /// <summary>One poll: answers how many rows it claimed.</summary>
    public async Task<int> DeliverDueAsync(SchedulerOptions settings, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var store = scope.ServiceProvider.GetRequiredService<ScheduledMessageStore>();
        var now = clock.GetUtcNow();
        var leaseUntil = TruncateToMicroseconds(now + settings.LeaseDuration);
        var due = await store.ClaimDueAsync(now, settings.BatchSize, leaseUntil, cancellationToken);
        foreach (var message in due)
        {
            await DeliverAsync(store, message, leaseUntil, cancellationToken);
        }

        return due.Count;
    }

    private async Task DeliverAsync(ScheduledMessageStore store, ScheduledMessage message, DateTimeOffset leaseUntil, CancellationToken cancellationToken)
    {
        try
        {
            var envelope = JsonSerializer.Deserialize<StoredEnvelope>(message.Headers ?? "{}") ?? new StoredEnvelope();
            var endpoint = await bus.GetSendEndpoint(new Uri(message.Destination));

            using var deadline = broker.Value.SendDeadline(cancellationToken);

            // A message from the saga's outbox continues the trace that wrote it (created whether or not anyone
            // listens to our source, so the send's own activity has it as parent).
            using (var relay = envelope.TraceParent is { } parent ? new Activity("scheduled-message relay").SetParentId(parent).Start() : null)
            {
                await endpoint.Send(new SerializedMessageBody(), new ForwardScheduledMessagePipe(message, envelope), deadline.Token);
            }

            await store.CompleteAsync(message.Id, leaseUntil, CancellationToken.None);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            // Back off with the attempts so a broken destination does not spin; the row stays until sent.
            var retryAt = TruncateToMicroseconds(clock.GetUtcNow() + TimeSpan.FromSeconds(Math.Min(300, 5 * message.DeliveryAttempts)));
            LogDeliveryFailed(logger, ex, message.TokenId, message.DeliveryAttempts, retryAt);
            await store.PostponeAsync(message.Id, leaseUntil, retryAt, CancellationToken.None);
        }
    }

    // timestamptz keeps microseconds: the lease compared on delete must be the value that was stored.
    private static DateTimeOffset TruncateToMicroseconds(DateTimeOffset value) =>
        new(value.UtcTicks - (value.UtcTicks % 10), TimeSpan.Zero);

    [LoggerMessage(Level = LogLevel.Error, Message = "Scheduled message poll failed")]
    private static partial void LogPollFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Scheduled message {TokenId} not delivered (attempt {Attempt}); next try at {RetryAt}")]
    private static partial void LogDeliveryFailed(ILogger logger, Exception exception, Guid tokenId, int attempt, DateTimeOffset retryAt);
}
