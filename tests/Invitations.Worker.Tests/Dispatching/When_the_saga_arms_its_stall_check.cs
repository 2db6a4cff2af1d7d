using System.Text.Json;
using Invitations.Contracts.BulkInvitations;
using Invitations.Data.Scheduling;
using Invitations.Testing.BulkJobs;
using Invitations.Worker.Tests.Dealers;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace Invitations.Worker.Tests.Dispatching;

/// <summary>
/// The stall check is written to the scheduler's store with the saga row. When it comes back, MassTransit's
/// <c>Schedule</c> takes it for the current check only if its <c>MT-Scheduling-TokenId</c> header is the saga's
/// token: the stored row must carry that header, or every old check would be taken for the current one.
/// </summary>
public sealed class When_the_saga_arms_its_stall_check
{
    [Test]
    public async Task Should_store_the_check_with_the_scheduling_token_the_saga_keeps()
    {
        var job = await new TestJobBuilder(TestRun.Infrastructure).WithRows(3).CreateAsync();
        await using var worker = await WorkerHost.StartAsync(new Dictionary<string, string?>
        {
            // Nothing is relayed, so the job stays where its start left it: Processing, its check armed and stored.
            ["Scheduler:DeliveryEnabled"] = "false",
            ["Sweep:Enabled"] = "false",
        });
        await worker.Bus.Publish(TestJobBuilder.Submitted(job));
        await JobWatch.UntilAsync(async () => (await StallChecksAsync(job.Id)).Count == 1);

        await using var db = TestRun.Infrastructure.CreateDbContext();
        var saga = await db.BulkInvitationSagas.AsNoTracking().SingleAsync(s => s.CorrelationId == job.Id);
        var stored = (await StallChecksAsync(job.Id)).Single();
        var envelope = JsonSerializer.Deserialize<StoredEnvelope>(stored.Headers ?? "{}")!;
        using (Assert.EnterMultipleScope())
        {
            Assert.That(await JobWatch.StatusAsync(job.Id), Is.EqualTo(BulkJobStatus.Processing));
            Assert.That(saga.StallCheckTokenId, Is.Not.Null);
            Assert.That(stored.TokenId, Is.EqualTo(saga.StallCheckTokenId));
            Assert.That(envelope.Headers.TryGetValue(MessageHeaders.SchedulingTokenId, out var header), Is.True, "the stored check has no scheduling token header");
            Assert.That(header?.ToString(), Is.EqualTo(saga.StallCheckTokenId?.ToString("D")));
        }
    }

    private static async Task<List<(Guid TokenId, string? Headers)>> StallChecksAsync(Guid jobId)
    {
        await using var db = TestRun.Infrastructure.CreateDbContext();
        var id = jobId.ToString();
        var rows = await db.ScheduledMessages.AsNoTracking()
            .Where(m => m.MessageTypes.Contains("BulkInvitationStallCheck") && m.Body.Contains(id))
            .Select(m => new { m.TokenId, m.Headers })
            .ToListAsync();
        return rows.ConvertAll(r => (r.TokenId, r.Headers));
    }
}
