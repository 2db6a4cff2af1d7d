using Invitations.Contracts.BulkInvitations;
using MassTransit;

namespace Invitations.Api.Hubs;

/// <summary>Runs on this Api instance's own temporary queue, beside <see cref="BulkInvitationProgressedConsumer"/>.</summary>
public sealed class BulkInvitationCompletedConsumer(ProgressThrottle throttle) : IConsumer<BulkInvitationCompleted>
{
    public Task Consume(ConsumeContext<BulkInvitationCompleted> context) =>
        throttle.OnCompletedAsync(context.Message, context.CancellationToken);
}
