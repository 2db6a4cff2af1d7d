using Invitations.Contracts.BulkInvitations;
using Invitations.Testing.BulkJobs;
using Invitations.Worker.Tests.Dealers;
using Microsoft.EntityFrameworkCore;

namespace Invitations.Worker.Tests.Sagas;

/// <summary>
/// A running job has its stall check waiting in our scheduler's store; when the job ends the check is
/// cancelled with the saga's final write, not left to fire minutes later against a finished job.
/// </summary>
public sealed class When_a_job_finishes
{
    private WorkerHost _worker = null!;

    [OneTimeSetUp]
    public async Task StartAsync() => _worker = await WorkerHost.StartAsync(new Dictionary<string, string?>());

    [OneTimeTearDown]
    public async Task StopAsync() => await _worker.DisposeAsync();

    [Test]
    public async Task Should_leave_no_stall_check_behind()
    {
        var job = await new TestJobBuilder(TestRun.Infrastructure).WithRows(3).CreateAsync();
        await _worker.Bus.Publish(TestJobBuilder.Submitted(job));

        var completed = await _worker.CompletionAsync(job.Id);

        await using var db = TestRun.Infrastructure.CreateDbContext();
        var pendingChecks = await db.ScheduledMessages
            .Where(m => m.MessageTypes.Contains("BulkInvitationStallCheck") && m.Body.Contains(job.Id.ToString()))
            .CountAsync();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(completed.Status, Is.EqualTo(BulkJobStatus.Completed));
            Assert.That(pendingChecks, Is.Zero, "the finished job's stall check is still scheduled");
        }
    }
}
