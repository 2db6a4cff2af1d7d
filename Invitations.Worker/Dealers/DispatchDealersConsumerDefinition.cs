using MassTransit;

namespace Invitations.Worker.Dealers;

public sealed class DispatchDealersConsumerDefinition : ConsumerDefinition<DispatchDealersConsumer>
{
    public DispatchDealersConsumerDefinition()
    {
        ConcurrentMessageLimit = 2;
    }

    protected override void ConfigureConsumer(
        IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<DispatchDealersConsumer> consumerConfigurator,
        IRegistrationContext context) =>
        endpointConfigurator.UseMessageRetry(r => r.Exponential(5, TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(10), TimeSpan.FromMilliseconds(500)));
}
