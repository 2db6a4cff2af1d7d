using Invitations.Contracts.BulkInvitations;
using MassTransit;

namespace Invitations.Api.Hubs;

/// <summary>Runs on this Api instance's own temporary queue: every instance hears every progress event.</summary>
public sealed class BulkInvitationProgressedConsumer(ProgressThrottle throttle) : IConsumer<BulkInvitationProgressed>
{
    public Task Consume(ConsumeContext<BulkInvitationProgressed> context) =>
        throttle.OnProgressAsync(context.Message, context.CancellationToken);
}
