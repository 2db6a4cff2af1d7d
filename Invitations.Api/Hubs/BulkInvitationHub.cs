using Invitations.Api.Infrastructure;
using Invitations.Api.Jobs;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;

namespace Invitations.Api.Hubs;

/// <summary>
/// <c>/hubs/bulk-invitations</c>: a sponsor's connection joins its sponsor's group and so hears about
/// every one of its jobs; anyone allowed to see a job (its sponsor, support) may join that job's group.
/// </summary>
[Authorize(Policy = AuthServiceCollectionExtensions.SponsorPolicy)]
public sealed class BulkInvitationHub(JobQueries jobs) : Hub<IBulkInvitationClient>
{
    public const string Path = "/hubs/bulk-invitations";

    public override async Task OnConnectedAsync()
    {
        if (Caller.SponsorId is { } sponsorId)
        {
            await Groups.AddToGroupAsync(Context.ConnectionId, HubGroups.Sponsor(sponsorId), Context.ConnectionAborted);
        }

        await base.OnConnectedAsync();
    }

    public async Task SubscribeToJob(Guid jobId)
    {
        var job = await jobs.FindAsync(jobId, Context.ConnectionAborted);
        if (job is null || !Caller.CanSee(job.SponsorId))
        {
            // The same answer for "missing" and "not yours", as the HTTP API's 404.
            throw new HubException("The job was not found.");
        }

        // The owner's connection already hears its jobs through the sponsor's group: joining the job's
        // group too would deliver every message twice.
        if (Caller.SponsorId != job.SponsorId)
        {
            await Groups.AddToGroupAsync(Context.ConnectionId, HubGroups.Job(jobId), Context.ConnectionAborted);
        }
    }

    public async Task UnsubscribeFromJob(Guid jobId) =>
        await Groups.RemoveFromGroupAsync(Context.ConnectionId, HubGroups.Job(jobId), Context.ConnectionAborted);

    public async Task<BulkInvitationStatusResponse> GetJobStatus(Guid jobId)
    {
        var status = await jobs.FindAsync(jobId, Context.ConnectionAborted);
        return status is not null && Caller.CanSee(status.SponsorId)
            ? status
            : throw new HubException("The job was not found.");
    }

    private CurrentUser Caller => CurrentUser.From(Context.User ?? new System.Security.Claims.ClaimsPrincipal());
}
