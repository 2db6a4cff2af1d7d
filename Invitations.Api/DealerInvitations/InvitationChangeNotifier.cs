using Invitations.Contracts.Dealers;
using MassTransit;

namespace Invitations.Api.DealerInvitations;

/// <summary>
/// Tells every Api instance that a job's invitation counts moved, after the answer is committed. A publish
/// that fails is logged and dropped: the answer stands, the counts are right on the next read or change.
/// </summary>
public sealed partial class InvitationChangeNotifier(IPublishEndpoint publish, TimeProvider clock, ILogger<InvitationChangeNotifier> logger)
{
    public async Task NotifyAsync(InvitationDetails invitation)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        try
        {
            await publish.Publish(
                new DealerInvitationsChanged { BulkJobId = invitation.BulkJobId, SponsorId = invitation.SponsorId, At = clock.GetUtcNow() },
                timeout.Token);
        }
        catch (Exception ex)
        {
            LogPublishFailed(logger, ex, invitation.BulkJobId);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Publishing DealerInvitationsChanged for job {JobId} failed; its watchers see the new counts on their next read")]
    private static partial void LogPublishFailed(ILogger logger, Exception exception, Guid jobId);
}
