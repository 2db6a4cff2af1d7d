using MassTransit;
using MassTransit.Middleware;

namespace Invitations.ServiceDefaults.Messaging;

/// <summary>
/// Puts <see cref="TransientRequeueFilter"/> in front of the default error pipe (fault event, then the error
/// queue) of every receive endpoint the bus configures, including those made outside ConfigureEndpoints, so
/// no consumer definition has to ask for it.
/// </summary>
internal sealed class TransientRequeueObserver(TransientRequeueFilter filter) : IEndpointConfigurationObserver
{
    public void EndpointConfigured<T>(T configurator)
        where T : IReceiveEndpointConfigurator =>
        configurator.ConfigureError(error =>
        {
            error.UseFilter(filter);
            error.UseFilter(new GenerateFaultFilter());
            error.UseFilter(new ErrorTransportFilter());
        });
}
