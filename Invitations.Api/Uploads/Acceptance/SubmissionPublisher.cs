using Invitations.Contracts.BulkInvitations;
using Invitations.Data.Persistence;
using Invitations.Data.Persistence.Entities;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Invitations.Api.Uploads.Acceptance;

/// <summary>
/// Publishes <see cref="BulkInvitationSubmitted"/> after the commit. A publish that fails or times out
/// (broker down) is logged and left to the worker's dispatcher, which re-publishes jobs still Pending:
/// the sponsor's 202 does not depend on the broker.
/// </summary>
public sealed partial class SubmissionPublisher(
    IPublishEndpoint publish, InvitationsDbContext db, TimeProvider clock, IOptions<UploadOptions> options, ILogger<SubmissionPublisher> logger)
{
    public async Task PublishAsync(BulkInvitationJob job)
    {
        // Not the request's token: the job is committed, so a client that hangs up now must not stop the publish.
        using var timeout = new CancellationTokenSource(options.Value.PublishTimeout);
        try
        {
            await publish.Publish(
                new BulkInvitationSubmitted
                {
                    BulkJobId = job.Id,
                    SponsorId = job.SponsorId,
                    TotalDealers = job.TotalDealers,
                    SubmittedAt = job.CreatedAt,
                },
                timeout.Token);
        }
        catch (Exception ex)
        {
            LogPublishFailed(logger, ex, job.Id, job.SponsorId);
            return;
        }

        var now = clock.GetUtcNow();
        await db.BulkInvitationJobs.Where(j => j.Id == job.Id)
            .ExecuteUpdateAsync(
                s => s.SetProperty(j => j.SubmittedPublishedAt, now).SetProperty(j => j.SubmitPublishAttempts, j => j.SubmitPublishAttempts + 1),
                CancellationToken.None);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Publishing BulkInvitationSubmitted for job {JobId} (sponsor {SponsorId}) failed; the dispatcher will re-publish it")]
    private static partial void LogPublishFailed(ILogger logger, Exception exception, Guid jobId, long sponsorId);
}
