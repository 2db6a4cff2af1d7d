using System.Net.Http.Json;
using System.Text.Json;
using Invitations.Contracts.BulkInvitations;
using Invitations.Data.Persistence.Entities;
using Invitations.Testing.BulkJobs;
using Invitations.Worker.DealerInvitations;
using Invitations.Worker.Tests.Dealers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Invitations.Worker.Tests.DealerInvitations;

/// <summary>
/// The Worker and the Api on the run's database and broker, as a dealer meets them: jobs run for real, the
/// dealer answers over HTTP with the token the Worker made, the sweep is run when a test says so.
/// </summary>
public sealed class DealerSide : IAsyncDisposable
{
    private DealerSide(WorkerHost worker, DealerApi api)
    {
        Worker = worker;
        Api = api;
        Http = api.CreateClient();
    }

    public WorkerHost Worker { get; }

    public DealerApi Api { get; }

    /// <summary>No sign-in: the dealer has only the link.</summary>
    public HttpClient Http { get; }

    public static async Task<DealerSide> StartAsync(IReadOnlyDictionary<string, string?>? apiSettings = null)
    {
        // The Worker's own loop sweeps once at start and then not within a test: tests sweep when they mean to.
        var worker = await WorkerHost.StartAsync(new Dictionary<string, string?> { ["Invitations:ExpirySweepInterval"] = "01:00:00" });
        var api = new DealerApi(apiSettings ?? new Dictionary<string, string?> { ["DealerInvitations:RateLimitPermits"] = "100000" });
        _ = api.Server;
        return new DealerSide(worker, api);
    }

    public InvitationExpirySweep NewSweep() => ActivatorUtilities.CreateInstance<InvitationExpirySweep>(Worker.Services);

    /// <summary>A job run through the Worker to completion, with this many free codes of the sponsor's besides.</summary>
    public async Task<TestJob> RunJobAsync(int rows, int codesPerRow = 2, long? sponsorId = null, bool autoCreate = false)
    {
        var builder = new TestJobBuilder(TestRun.Infrastructure).WithRows(rows).WithCodesPerRow(codesPerRow);
        builder = sponsorId is { } id ? builder.ForSponsor(id) : builder;
        var job = await (autoCreate ? builder.AutoCreate() : builder).CreateAsync();
        await Worker.Bus.Publish(TestJobBuilder.Submitted(job));
        Assert.That(await JobWatch.UntilFinalAsync(job.Id), Is.EqualTo(BulkJobStatus.Completed));
        return job;
    }

    public static async Task<List<DealerInvitation>> InvitationsAsync(Guid jobId)
    {
        await using var db = TestRun.Infrastructure.CreateDbContext();
        return await db.DealerInvitations.AsNoTracking().Where(i => i.BulkJobId == jobId).OrderBy(i => i.RowNumber).ToListAsync();
    }

    /// <summary>What the sponsor could reserve for its next upload: codes neither reserved nor assigned.</summary>
    public static async Task<int> AvailableCodesAsync(long sponsorId)
    {
        await using var db = TestRun.Infrastructure.CreateDbContext();
        return await db.SponsorshipCodes.CountAsync(c => c.SponsorId == sponsorId && c.ReservedByJobId == null && c.AssignedAt == null);
    }

    /// <summary>The codes the sponsor had before the job reserved some (the job's codes come out of that pool).</summary>
    public static async Task<int> CodesOfSponsorAsync(long sponsorId)
    {
        await using var db = TestRun.Infrastructure.CreateDbContext();
        return await db.SponsorshipCodes.CountAsync(c => c.SponsorId == sponsorId);
    }

    /// <summary>The invitations' expiry passes (as time would).</summary>
    public static async Task ExpireAsync(IEnumerable<Guid> invitationIds)
    {
        var ids = invitationIds.ToArray();
        await using var db = TestRun.Infrastructure.CreateDbContext();
        await db.DealerInvitations.Where(i => ids.Contains(i.Id))
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.ExpiresAt, DateTimeOffset.UtcNow.AddSeconds(-1)));
    }

    public Task<HttpResponseMessage> AcceptAsync(string token) => Http.PostAsync($"/api/v1/invitations/{token}/accept", null);

    public Task<HttpResponseMessage> DeclineAsync(string token) => Http.PostAsync($"/api/v1/invitations/{token}/decline", null);

    public static async Task<JsonElement> BodyAsync(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonElement>()).Clone();

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Api.DisposeAsync();
        await Worker.DisposeAsync();
    }
}
