using System.Security.Claims;
using Invitations.Api.Infrastructure;
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
    private static readonly BulkJobStatus[] Final =
        [BulkJobStatus.Completed, BulkJobStatus.PartialSuccess, BulkJobStatus.Failed, BulkJobStatus.Cancelled];

    public static async Task<Results<Accepted<JobCommandResponse>, NotFound, ProblemHttpResult>> Cancel(
        Guid jobId, ClaimsPrincipal user, InvitationsDbContext db, IPublishEndpoint publish, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var job = await JobEndpoints.FindVisibleAsync(db, jobId, user, cancellationToken);
        if (job is null)
        {
            return TypedResults.NotFound();
        }

        if (Final.Contains(job.Status))
        {
            return TypedResults.Problem($"The job is already {job.Status}.", statusCode: StatusCodes.Status409Conflict, title: "The job has ended.");
        }

        await publish.Publish(
            new CancelBulkInvitation { BulkJobId = jobId, RequestedBy = CurrentUser.From(user).Subject, RequestedAt = clock.GetUtcNow() },
            cancellationToken);
        return TypedResults.Accepted(JobEndpoints.StatusUrl(jobId), new JobCommandResponse(jobId, "CancelRequested", JobEndpoints.StatusUrl(jobId)));
    }

    public static async Task<Results<Accepted<JobCommandResponse>, NotFound, ProblemHttpResult>> RetryFailed(
        Guid jobId, ClaimsPrincipal user, InvitationsDbContext db, IPublishEndpoint publish, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var job = await JobEndpoints.FindVisibleAsync(db, jobId, user, cancellationToken);
        if (job is null)
        {
            return TypedResults.NotFound();
        }

        var failed = await db.BulkInvitationRows.CountAsync(r => r.JobId == jobId && r.Status == RowStatus.Failed, cancellationToken);
        if (job.Status is not (BulkJobStatus.Completed or BulkJobStatus.PartialSuccess or BulkJobStatus.Failed) || failed == 0)
        {
            return TypedResults.Problem(
                failed == 0 ? "The job has no failed rows." : $"The job is {job.Status}; failed rows run again once it has finished.",
                statusCode: StatusCodes.Status409Conflict,
                title: "Nothing to retry.");
        }

        await publish.Publish(
            new RetryFailedDealers { BulkJobId = jobId, RequestedBy = CurrentUser.From(user).Subject, RequestedAt = clock.GetUtcNow() },
            cancellationToken);
        return TypedResults.Accepted(JobEndpoints.StatusUrl(jobId), new JobCommandResponse(jobId, "RetryRequested", JobEndpoints.StatusUrl(jobId)));
    }
}
