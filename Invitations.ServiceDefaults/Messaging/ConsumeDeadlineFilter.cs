using MassTransit;
using Microsoft.Extensions.Logging;

namespace Invitations.ServiceDefaults.Messaging;

/// <summary>
/// Gives up a consume that outlives its deadline. A receive endpoint reconnects after a broker restart only
/// once every message it had in hand is done; RabbitMQ.Client 7.2.2 can leave a publish that was waiting for
/// its confirm when the connection died waiting for ever (rabbitmq-dotnet-client#1930), and with it the
/// consume, the endpoint and, for the saga's queue, every job (docs/RELIABILITY.md, case 2b). Given up, the
/// consume is cancelled (<see cref="ConsumeDeadlineExceededException"/>): no fault, no error queue, the message
/// goes back to its queue to be delivered again, and every consumer here is idempotent. The hung task is left
/// behind; it holds no database lock (those are released before anything is published).
/// </summary>
public sealed partial class ConsumeDeadlineFilter(TimeSpan deadline, ILogger<ConsumeDeadlineFilter> logger) : IFilter<ConsumeContext>
{
    public async Task Send(ConsumeContext context, IPipe<ConsumeContext> next)
    {
        var consume = next.Send(context);
        if (consume.IsCompleted)
        {
            await consume;
            return;
        }

        try
        {
            // Not the context's token: a bus that stops waits for its consumes, it does not abandon them.
            await consume.WaitAsync(deadline);
        }
        catch (TimeoutException)
        {
            _ = consume.ContinueWith(t => t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
            LogGivenUp(logger, context.MessageId, context.ReceiveContext.InputAddress, deadline);
            throw new ConsumeDeadlineExceededException(
                $"The consume of message {context.MessageId} on {context.ReceiveContext.InputAddress} was given up after {deadline}.");
        }
    }

    public void Probe(ProbeContext context) => context.CreateFilterScope("consumeDeadline").Add("deadline", deadline);

    [LoggerMessage(Level = LogLevel.Error, Message = "Consume of message {MessageId} on {InputAddress} given up after {Deadline}; it will be delivered again")]
    private static partial void LogGivenUp(ILogger logger, Guid? messageId, Uri inputAddress, TimeSpan deadline);
}
