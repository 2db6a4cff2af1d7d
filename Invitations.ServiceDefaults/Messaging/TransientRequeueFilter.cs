using System.Runtime.ExceptionServices;
using MassTransit;
using Microsoft.Extensions.Logging;

namespace Invitations.ServiceDefaults.Messaging;

/// <summary>
/// The first filter of every endpoint's error pipe: a message whose retries ran out on a transient fault
/// (<see cref="TransientFaults"/>) is not moved to <c>_error</c> and raises no <c>Fault&lt;T&gt;</c>; it is
/// held for a back-off that grows with its deliveries, then rethrown, which makes the transport return it to
/// its queue (a nack with requeue, as MassTransit's <c>RethrowFaultedMessages</c> does) to be tried again once
/// the outage is over. Anything else goes on to the usual fault event and error queue.
/// </summary>
public sealed partial class TransientRequeueFilter(RabbitMqOptions options, ILogger<TransientRequeueFilter> logger) : IFilter<ExceptionReceiveContext>
{
    public async Task Send(ExceptionReceiveContext context, IPipe<ExceptionReceiveContext> next)
    {
        if (!TransientFaults.IsTransient(context.Exception))
        {
            await next.Send(context);
            return;
        }

        var deliveries = DeliveriesSoFar(context);
        var delay = BackOff(deliveries);
        LogRequeued(logger, context.GetMessageId(), context.InputAddress, deliveries, delay, context.Exception.GetBaseException().Message);
        try
        {
            await Task.Delay(delay, context.CancellationToken);
        }
        catch (OperationCanceledException)
        {
            // The endpoint is stopping: the message goes back at once.
        }

        ExceptionDispatchInfo.Capture(context.Exception).Throw();
    }

    public void Probe(ProbeContext context)
    {
        var scope = context.CreateFilterScope("transientRequeue");
        scope.Add("min", options.RequeueDelayMin);
        scope.Add("max", options.RequeueDelayMax);
    }

    /// <summary>Doubles from the minimum with each earlier delivery, up to the maximum.</summary>
    public TimeSpan BackOff(long deliveries)
    {
        var factor = Math.Pow(2, Math.Clamp(deliveries - 1, 0, 20));
        var delay = TimeSpan.FromTicks((long)Math.Min(options.RequeueDelayMax.Ticks, options.RequeueDelayMin.Ticks * factor));
        return delay < options.RequeueDelayMin ? options.RequeueDelayMin : delay;
    }

    // Quorum queues count deliveries in x-delivery-count (absent on the first); a classic queue only says "redelivered".
    private static long DeliveriesSoFar(ReceiveContext context)
    {
        var counted = context.TransportHeaders.Get<long>("x-delivery-count");
        return counted is { } count ? count + 1 : context.Redelivered ? 2 : 1;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Message {MessageId} on {InputAddress} failed transiently (delivery {Delivery}); back to its queue in {Delay}: {Reason}")]
    private static partial void LogRequeued(ILogger logger, Guid? messageId, Uri inputAddress, long delivery, TimeSpan delay, string reason);
}
