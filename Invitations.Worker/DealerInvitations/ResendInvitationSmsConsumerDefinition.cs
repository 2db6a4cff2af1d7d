using Invitations.Worker.Dealers;
using MassTransit;

namespace Invitations.Worker.DealerInvitations;

/// <summary>Transient gateway faults are retried; a refusal is handled in the consumer and never retried.</summary>
public sealed class ResendInvitationSmsConsumerDefinition : ConsumerDefinition<ResendInvitationSmsConsumer>
{
    protected override void ConfigureConsumer(
        IReceiveEndpointConfigurator endpointConfigurator, IConsumerConfigurator<ResendInvitationSmsConsumer> consumerConfigurator, IRegistrationContext context)
    {
        endpointConfigurator.UseMessageRetry(r => r.Exponential(5, TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(10), TimeSpan.FromMilliseconds(200)));
    }
}
