using MassTransit;
using Microsoft.Extensions.Options;

namespace Invitations.Worker.Dealers;

/// <summary>
/// Transient faults: quick exponential retries in memory, then scheduled redeliveries through our
/// scheduler (the broker has no delayed exchange); business rejections are handled by the consumer and
/// excluded here, so they fail at once. The outbox holds the outcome until the consume succeeds.
/// </summary>
public sealed class InviteDealerConsumerDefinition : ConsumerDefinition<InviteDealerConsumer>
{
    private readonly DealerOptions _options;

    public InviteDealerConsumerDefinition(IOptions<DealerOptions> options)
    {
        _options = options.Value;
        ConcurrentMessageLimit = Math.Max(1, _options.ConcurrentMessageLimit);
        Endpoint(e => e.PrefetchCount = Math.Max(_options.PrefetchCount, ConcurrentMessageLimit ?? 1));
    }

    protected override void ConfigureConsumer(
        IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<InviteDealerConsumer> consumerConfigurator,
        IRegistrationContext context)
    {
        var redeliveries = _options.ParsedRedeliveryIntervals();
        if (redeliveries.Length > 0)
        {
            endpointConfigurator.UseScheduledRedelivery(r =>
            {
                r.Ignore<DealerRejectedException>();
                r.Intervals(redeliveries);
            });
        }

        endpointConfigurator.UseMessageRetry(r =>
        {
            r.Ignore<DealerRejectedException>();
            r.Exponential(_options.RetryLimit, _options.RetryMinInterval, _options.RetryMaxInterval, _options.RetryMinInterval);
        });
        endpointConfigurator.UseInMemoryOutbox(context);
    }
}
