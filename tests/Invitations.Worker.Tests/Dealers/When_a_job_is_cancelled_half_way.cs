using Invitations.Contracts.BulkInvitations;
using Invitations.Data.Persistence.Entities;
using Invitations.Testing.BulkJobs;
using Microsoft.EntityFrameworkCore;

namespace Invitations.Worker.Tests.Dealers;

public sealed class When_a_job_is_cancelled_half_way
{
    private SmsGatewayStub _gateway = null!;
    private WorkerHost _worker = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        // A slow gateway keeps the job running long enough to cancel it in the middle.
        _gateway = await SmsGatewayStub.StartAsync();
        _gateway.Latency = TimeSpan.FromMilliseconds(200);
        _worker = await WorkerHost.StartAsync(new Dictionary<string, string?>
        {
            ["Sms:Provider"] = "Http",
            ["Sms:Http:Url"] = _gateway.Url,
            ["Dealers:ConcurrentMessageLimit"] = "4",
        });
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        await _worker.DisposeAsync();
        await _gateway.DisposeAsync();
    }

    [Test]
    public async Task Should_skip_the_rest_release_their_codes_and_end_cancelled()
    {
        var job = await new TestJobBuilder(TestRun.Infrastructure).WithRows(100).CreateAsync();
        await _worker.Bus.Publish(TestJobBuilder.Submitted(job));
        await using var db = TestRun.Infrastructure.CreateDbContext();
        await JobWatch.UntilAsync(async () =>
            await db.BulkInvitationRows.CountAsync(r => r.JobId == job.Id && r.Status == RowStatus.Succeeded) >= 5);

        await _worker.Bus.Publish(new CancelBulkInvitation { BulkJobId = job.Id, RequestedBy = "sponsor-test", RequestedAt = DateTimeOffset.UtcNow });

        var completed = await _worker.CompletionAsync(job.Id, BulkJobStatus.Cancelled);

        // Rows already running when the cancel came finish and are recorded; wait for them to settle.
        await JobWatch.UntilAsync(async () =>
            await db.DealerInvitations.CountAsync(i => i.BulkJobId == job.Id)
            == await db.BulkInvitationRows.CountAsync(r => r.JobId == job.Id && r.Status == RowStatus.Succeeded));
        var skippedWithInvitation = await db.BulkInvitationRows
            .CountAsync(r => r.JobId == job.Id && r.Status == RowStatus.Skipped && r.InvitationId != null);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(completed.SkippedDealers, Is.GreaterThan(0));
            Assert.That(completed.SucceededDealers + completed.SkippedDealers, Is.EqualTo(100));
            Assert.That(await JobWatch.StatusAsync(job.Id), Is.EqualTo(BulkJobStatus.Cancelled));
            Assert.That(skippedWithInvitation, Is.Zero);
            Assert.That(await db.SponsorshipCodes.CountAsync(c => c.ReservedByJobId == job.Id && c.AssignedAt == null), Is.Zero);
        }
    }
}
