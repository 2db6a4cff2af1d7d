using System.Security.Claims;
using Invitations.Api.Infrastructure;
using Invitations.Contracts.BulkInvitations;
using Invitations.Data.Persistence;
using Invitations.Data.Persistence.Entities;
using MassTransit;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Invitations.Api.Jobs;

public static class JobEndpoints
{
    private const int MaxPageSize = 100;

    /// <summary>The address of a job's status (<c>GetBulkInvitation</c> below, in Program's <c>/api/v1</c> group), as every answer about a job gives it.</summary>
    public static string StatusUrl(Guid jobId) => $"/api/v1/bulk-invitations/{jobId}";

    public static IEndpointRouteBuilder MapJobs(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/bulk-invitations")
            .WithTags("Bulk invitations")
            .RequireAuthorization(AuthServiceCollectionExtensions.SponsorPolicy);
        group.MapGet("/{jobId:guid}", GetStatus).WithName("GetBulkInvitation").WithSummary("A job's status and counters");
        group.MapGet("/", List).WithName("ListBulkInvitations").WithSummary("The caller's jobs, newest first");
        group.MapGet("/{jobId:guid}/results", JobResultEndpoints.GetResults)
            .WithName("GetBulkInvitationResults").WithSummary("One line per dealer, as xlsx or csv");
        group.MapPost("/{jobId:guid}/cancel", JobCommandEndpoints.Cancel)
            .WithName("CancelBulkInvitation").WithSummary("Rows not yet processed become Skipped");
        group.MapPost("/{jobId:guid}/retry-failed", JobCommandEndpoints.RetryFailed)
            .WithName("RetryFailedDealers").WithSummary("Failed rows run again");
        return app;
    }

    /// <summary>The job when the caller may see it; another sponsor's job is reported as missing.</summary>
    internal static async Task<BulkInvitationJob?> FindVisibleAsync(
        InvitationsDbContext db, Guid jobId, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var job = await db.BulkInvitationJobs.AsNoTracking().FirstOrDefaultAsync(j => j.Id == jobId, cancellationToken);
        return job is not null && CurrentUser.From(user).CanSee(job.SponsorId) ? job : null;
    }

    private static async Task<Results<Ok<BulkInvitationStatusResponse>, NotFound>> GetStatus(
        Guid jobId, ClaimsPrincipal user, JobQueries queries, CancellationToken cancellationToken)
    {
        var status = await queries.FindAsync(jobId, cancellationToken);
        return status is not null && CurrentUser.From(user).CanSee(status.SponsorId) ? TypedResults.Ok(status) : TypedResults.NotFound();
    }

    private static async Task<Results<Ok<BulkInvitationListResponse>, ValidationProblem>> List(
        ClaimsPrincipal user, JobQueries queries, CancellationToken cancellationToken,
        int page = 1, int pageSize = 20, string? status = null)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        BulkJobStatus? filter = null;
        if (!string.IsNullOrEmpty(status))
        {
            if (Enum.TryParse<BulkJobStatus>(status, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) && !int.TryParse(status, out _))
            {
                filter = parsed;
            }
            else
            {
                errors["status"] = [$"Unknown status; use one of {string.Join(", ", Enum.GetNames<BulkJobStatus>())}."];
            }
        }

        if (page < 1)
        {
            errors["page"] = ["page starts at 1."];
        }

        if (pageSize is < 1 or > MaxPageSize)
        {
            errors["pageSize"] = [$"pageSize is between 1 and {MaxPageSize}."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var caller = CurrentUser.From(user);
        long? sponsorId = caller.IsSupport ? null : caller.SponsorId ?? -1;
        return TypedResults.Ok(await queries.ListAsync(sponsorId, filter, page, pageSize, cancellationToken));
    }
}
