using Invitations.Api.Jobs;
using Invitations.Contracts.Dealers;
using MassTransit;

namespace Invitations.Api.Hubs;

/// <summary>
/// On this instance's own temporary queue, like the progress consumers: re-reads the job's invitation counts
/// (so late or reordered messages still push the current numbers) and sends them to the job's watchers.
/// </summary>
public sealed class DealerInvitationsChangedConsumer(JobQueries jobs, ProgressBroadcaster broadcaster) : IConsumer<DealerInvitationsChanged>
{
    public async Task Consume(ConsumeContext<DealerInvitationsChanged> context)
    {
        var counts = await jobs.InvitationCountsAsync(context.Message.BulkJobId, context.CancellationToken);
        await broadcaster.SendInvitationCountsAsync(context.Message, counts, context.CancellationToken);
    }
}
