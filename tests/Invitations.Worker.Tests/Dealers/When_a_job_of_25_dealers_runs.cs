using Invitations.Contracts.BulkInvitations;
using Invitations.Data.Persistence.Entities;
using Invitations.Testing.BulkJobs;
using Microsoft.EntityFrameworkCore;

namespace Invitations.Worker.Tests.Dealers;

public sealed class When_a_job_of_25_dealers_runs
{
    private WorkerHost _worker = null!;

    [OneTimeSetUp]
    public async Task StartAsync() => _worker = await WorkerHost.StartAsync();

    [OneTimeTearDown]
    public async Task StopAsync() => await _worker.DisposeAsync();

    [Test]
    public async Task Should_complete_with_an_invitation_an_sms_and_the_codes_for_every_dealer()
    {
        var job = await new TestJobBuilder(TestRun.Infrastructure).WithRows(25).WithCodesPerRow(2).CreateAsync();
        await _worker.Bus.Publish(TestJobBuilder.Submitted(job));

        Assert.That(await JobWatch.UntilFinalAsync(job.Id), Is.EqualTo(BulkJobStatus.Completed));
        await using var db = TestRun.Infrastructure.CreateDbContext();
        var invitations = await db.DealerInvitations.Where(i => i.BulkJobId == job.Id).ToListAsync();
        var codes = await db.SponsorshipCodes.Where(c => c.ReservedByJobId == job.Id).ToListAsync();
        var rows = await db.BulkInvitationRows.Where(r => r.JobId == job.Id).ToListAsync();
        var sms = await db.SmsMessages.CountAsync(m => m.BulkJobId == job.Id);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(invitations, Has.Count.EqualTo(25));
            Assert.That(invitations.All(i => i.Status == InvitationStatus.Pending && i.SmsSentAt != null), Is.True);
            Assert.That(invitations.Select(i => i.Token).Distinct().Count(), Is.EqualTo(25));
            Assert.That(codes.GroupBy(c => c.InvitationId).Select(g => g.Count()), Is.All.EqualTo(2));
            Assert.That(codes.All(c => invitations.Any(i => i.Id == c.InvitationId && i.RowNumber == c.AssignedRowNumber)), Is.True);
            Assert.That(rows.All(r => r.Status == RowStatus.Succeeded && r.InvitationId != null), Is.True);
            Assert.That(sms, Is.EqualTo(25));
        }
    }
}
