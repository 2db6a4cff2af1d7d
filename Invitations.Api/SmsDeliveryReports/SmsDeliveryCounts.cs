using System.Security.Claims;
using Invitations.Api.Infrastructure;
using Invitations.Api.Jobs;
using Invitations.Data.Persistence;
using Invitations.Data.Persistence.Entities;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Invitations.Api.SmsDeliveryReports;

/// <summary><c>GET /api/v1/bulk-invitations/{jobId}/sms-delivery</c>: the dashboard's delivered and undelivered counts.</summary>
public sealed class SmsDeliveryCounts(InvitationsDbContext db)
{
    public static IEndpointRouteBuilder MapSmsDeliveryCounts(IEndpointRouteBuilder app)
    {
        app.MapGroup("/bulk-invitations")
            .WithTags("Bulk invitations")
            .RequireAuthorization(AuthServiceCollectionExtensions.SponsorPolicy)
            .MapGet("/{jobId:guid}/sms-delivery", GetAsync)
            .WithName("GetBulkInvitationSmsDelivery")
            .WithSummary("How many of the job's SMS were delivered, undelivered or await a report");
        return app;
    }

    public async Task<SmsDeliverySummaryResponse> CountAsync(Guid jobId, CancellationToken cancellationToken)
    {
        var counts = await db.DealerInvitations.AsNoTracking()
            .Where(i => i.BulkJobId == jobId && i.SmsSentAt != null)
            .GroupBy(i => i.SmsDeliveryStatus)
            .Select(g => new { Status = g.Key, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var sent = counts.Sum(c => c.Count);
        var delivered = counts.Where(c => c.Status == SmsDeliveryStatus.Delivered).Sum(c => c.Count);
        var undelivered = counts.Where(c => c.Status == SmsDeliveryStatus.Undelivered).Sum(c => c.Count);
        return new SmsDeliverySummaryResponse(jobId, sent, delivered, undelivered, sent - delivered - undelivered);
    }

    private static async Task<Results<Ok<SmsDeliverySummaryResponse>, NotFound>> GetAsync(
        Guid jobId, ClaimsPrincipal user, InvitationsDbContext db, SmsDeliveryCounts counts, CancellationToken cancellationToken) =>
        await JobEndpoints.FindVisibleAsync(db, jobId, user, cancellationToken) is null
            ? TypedResults.NotFound()
            : TypedResults.Ok(await counts.CountAsync(jobId, cancellationToken));
}
