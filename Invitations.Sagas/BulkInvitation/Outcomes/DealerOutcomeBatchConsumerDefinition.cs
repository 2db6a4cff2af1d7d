using MassTransit;
using Microsoft.Extensions.Options;

namespace Invitations.Sagas.BulkInvitation.Outcomes;

/// <summary>
/// Batches close at <see cref="SagaOptions.OutcomeBatchSize"/> events or after
/// <see cref="SagaOptions.OutcomeBatchWindow"/>, whichever is first; the window is what a small job's last
/// outcome waits at most before the saga hears of it.
/// </summary>
public sealed class DealerOutcomeBatchConsumerDefinition : ConsumerDefinition<DealerOutcomeBatchConsumer>
{
    private const int ConcurrentBatches = 2;
    private readonly SagaOptions _options;

    public DealerOutcomeBatchConsumerDefinition(IOptions<SagaOptions> options)
    {
        _options = options.Value;
        var size = Math.Max(1, _options.OutcomeBatchSize);
        Endpoint(e =>
        {
            e.PrefetchCount = size * ConcurrentBatches;
            e.ConcurrentMessageLimit = size * ConcurrentBatches;
        });
    }

    protected override void ConfigureConsumer(
        IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<DealerOutcomeBatchConsumer> consumerConfigurator,
        IRegistrationContext context)
    {
        endpointConfigurator.UseMessageRetry(r => r.Exponential(5, TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(5), TimeSpan.FromMilliseconds(200)));
        endpointConfigurator.UseInMemoryOutbox(context);
        consumerConfigurator.Options<BatchOptions>(o => o
            .SetMessageLimit(Math.Max(1, _options.OutcomeBatchSize))
            .SetTimeLimit(_options.OutcomeBatchWindow)
            .SetConcurrencyLimit(ConcurrentBatches));
    }
}
