using Invitations.Api.Infrastructure;
using Invitations.Contracts.BulkInvitations;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Invitations.Api.Support;

/// <summary><c>/api/v1/support/bulk-invitations</c>: any job, for the Support role only.</summary>
public static class SupportEndpoints
{
    public static IEndpointRouteBuilder MapSupport(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/support/bulk-invitations")
            .WithTags("Support")
            .RequireAuthorization(AuthServiceCollectionExtensions.SupportPolicy);
        group.MapGet("/", Search)
            .WithName("SearchBulkInvitationsForSupport")
            .WithSummary("Finds jobs by state, sponsor, job id, dealer email or phone.");
        group.MapGet("/{jobId:guid}", GetDetail)
            .WithName("GetBulkInvitationForSupport")
            .WithSummary("A job's saga state, counters, rows (failed first), timeline and operator actions.");
        return app;
    }

    private static async Task<Results<Ok<SupportJobList>, ValidationProblem>> Search(
        string? state, long? sponsorId, string? q, SupportJobSearch search, CancellationToken cancellationToken)
    {
        BulkJobStatus? status = null;
        if (!string.IsNullOrWhiteSpace(state))
        {
            if (!Enum.TryParse<BulkJobStatus>(state, ignoreCase: true, out var parsed) || !Enum.IsDefined(parsed))
            {
                return TypedResults.ValidationProblem(new Dictionary<string, string[]>
                {
                    ["state"] = [$"state must be one of {string.Join(", ", Enum.GetNames<BulkJobStatus>())}"],
                });
            }

            status = parsed;
        }

        return TypedResults.Ok(await search.SearchAsync(status, sponsorId, SupportSearchTerm.Parse(q), cancellationToken));
    }

    private static async Task<Results<Ok<SupportJobDetail>, NotFound>> GetDetail(
        Guid jobId, SupportJobDetailQuery query, CancellationToken cancellationToken) =>
        await query.FindAsync(jobId, cancellationToken) is { } detail ? TypedResults.Ok(detail) : TypedResults.NotFound();
}
