using MassTransit;
using MassTransit.Context;

namespace Invitations.ServiceDefaults.Messaging;

/// <summary>
/// Outside every retry of an endpoint: a consume whose retries ran out on a transient fault raises no
/// <c>Fault&lt;T&gt;</c> (the saga would record a dealer's <c>Fault&lt;InviteDealer&gt;</c> as a failed row), since
/// <see cref="TransientRequeueFilter"/> returns the message to its queue to be consumed again. MassTransit
/// publishes the fault from the context the retry wraps, so this filter hands the pipe a context of its own.
/// </summary>
public sealed class TransientFaultConsumeFilter : IFilter<ConsumeContext>
{
    public Task Send(ConsumeContext context, IPipe<ConsumeContext> next) => next.Send(new TransientFaultConsumeContext(context));

    public void Probe(ProbeContext context) => context.CreateFilterScope("transientFaultsRaiseNoFault");

    private sealed class TransientFaultConsumeContext(ConsumeContext context) : ConsumeContextProxy(context)
    {
        public override Task NotifyFaulted<T>(ConsumeContext<T> context, TimeSpan duration, string consumerType, Exception exception) =>
            TransientFaults.IsTransient(exception)
                ? ReceiveContext.NotifyFaulted(context, duration, consumerType, exception)
                : base.NotifyFaulted(context, duration, consumerType, exception);
    }
}
