using Invitations.Api.Jobs;
using Invitations.Contracts.BulkInvitations;
using Invitations.Contracts.Dealers;
using Invitations.Data.Privacy;
using Microsoft.AspNetCore.SignalR;

namespace Invitations.Api.Hubs;

/// <summary>Turns the bus contracts into the SignalR payloads and sends them to the sponsor's and the job's groups.</summary>
public sealed class ProgressBroadcaster(IHubContext<BulkInvitationHub, IBulkInvitationClient> hub)
{
    public Task SendProgressAsync(BulkInvitationProgressed message, CancellationToken cancellationToken)
    {
        var processed = message.ProcessedDealers();
        var payload = new BulkInvitationProgressMessage(
            message.BulkJobId,
            message.SponsorId,
            message.Status.ToString(),
            message.TotalDealers,
            processed,
            message.SucceededDealers,
            message.FailedDealers,
            JobProgress.Percentage(processed, message.TotalDealers),
            // The saga masks already; masking again is harmless and keeps a full address off the wire regardless.
            string.IsNullOrEmpty(message.LatestDealerEmailMasked) ? null : Mask.Email(message.LatestDealerEmailMasked),
            message.LatestDealerSuccess,
            message.LatestDealerError,
            message.At);
        cancellationToken.ThrowIfCancellationRequested();
        return Groups(message.SponsorId, message.BulkJobId).BulkInvitationProgress(payload);
    }

    public Task SendCompletedAsync(BulkInvitationCompleted message, CancellationToken cancellationToken)
    {
        var payload = new BulkInvitationCompletedMessage(
            message.BulkJobId,
            message.Status.ToString(),
            message.SucceededDealers,
            message.FailedDealers,
            message.CompletedAt);
        cancellationToken.ThrowIfCancellationRequested();
        return Groups(message.SponsorId, message.BulkJobId).BulkInvitationCompleted(payload);
    }

    public Task SendInvitationCountsAsync(DealerInvitationsChanged message, InvitationCounts counts, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Groups(message.SponsorId, message.BulkJobId).InvitationCountsChanged(new InvitationCountsMessage(message.BulkJobId, counts, message.At));
    }

    private IBulkInvitationClient Groups(long sponsorId, Guid jobId) =>
        hub.Clients.Groups(HubGroups.Sponsor(sponsorId), HubGroups.Job(jobId));
}
