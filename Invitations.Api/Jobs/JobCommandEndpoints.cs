using System.Security.Claims;
using Invitations.Api.Infrastructure;
using Invitations.Api.Uploads;
using Invitations.Contracts.BulkInvitations;
using Invitations.Data.Persistence;
using Invitations.Data.Persistence.Entities;
using MassTransit;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Invitations.Api.Jobs;

/// <summary>Cancel and retry-failed: checked here, carried out by the saga (202, then progress over SignalR).</summary>
internal static class JobCommandEndpoints
{
    public static async Task<Results<Accepted<JobCommandResponse>, NotFound, ProblemHttpResult>> Cancel(
        Guid jobId, ClaimsPrincipal user, HttpRequest request, InvitationsDbContext db, IPublishEndpoint publish, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var job = await JobEndpoints.FindVisibleAsync(db, jobId, user, cancellationToken);
        if (job is null)
        {
            return TypedResults.NotFound();
        }

        if (job.Status.IsFinal())
        {
            return JobCommandProblems.Ended(job.Status, UploadLanguages.From(request));
        }

        await publish.Publish(
            new CancelBulkInvitation { BulkJobId = jobId, RequestedBy = CurrentUser.From(user).Subject, RequestedAt = clock.GetUtcNow() },
            cancellationToken);
        return TypedResults.Accepted(JobEndpoints.StatusUrl(jobId), new JobCommandResponse(jobId, "CancelRequested", JobEndpoints.StatusUrl(jobId)));
    }

    public static async Task<Results<Accepted<JobCommandResponse>, NotFound, ProblemHttpResult>> RetryFailed(
        Guid jobId, ClaimsPrincipal user, HttpRequest request, InvitationsDbContext db, IPublishEndpoint publish, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var job = await JobEndpoints.FindVisibleAsync(db, jobId, user, cancellationToken);
        if (job is null)
        {
            return TypedResults.NotFound();
        }

        var failed = await db.BulkInvitationRows.CountAsync(r => r.JobId == jobId && r.Status == RowStatus.Failed, cancellationToken);
        var refusal = RetryRefusal(job.Status, failed, UploadLanguages.From(request));
        if (refusal is not null)
        {
            return refusal;
        }

        await publish.Publish(
            new RetryFailedDealers { BulkJobId = jobId, RequestedBy = CurrentUser.From(user).Subject, RequestedAt = clock.GetUtcNow() },
            cancellationToken);
        return TypedResults.Accepted(JobEndpoints.StatusUrl(jobId), new JobCommandResponse(jobId, "RetryRequested", JobEndpoints.StatusUrl(jobId)));
    }

    private static ProblemHttpResult? RetryRefusal(BulkJobStatus status, int failed, UploadLanguage language) => status switch
    {
        _ when !status.IsFinal() => JobCommandProblems.StillRunning(status, language),
        _ when !status.CanRetryFailed() => JobCommandProblems.CancelledJob(status, language),
        _ when failed == 0 => JobCommandProblems.NoFailedRows(status, language),
        _ => null,
    };
}
