using Invitations.Contracts.BulkInvitations;
using Invitations.Testing.BulkJobs;
using Microsoft.EntityFrameworkCore;

namespace Invitations.Worker.Tests.Dealers;

public sealed class When_failed_dealers_are_retried
{
    private SmsGatewayStub _gateway = null!;
    private WorkerHost _worker = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _gateway = await SmsGatewayStub.StartAsync();
        _worker = await WorkerHost.StartAsync(new Dictionary<string, string?>
        {
            ["Sms:Provider"] = "Http",
            ["Sms:Http:Url"] = _gateway.Url,
        });
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        await _worker.DisposeAsync();
        await _gateway.DisposeAsync();
    }

    [Test]
    public async Task Should_run_the_failed_rows_again_and_complete()
    {
        var job = await new TestJobBuilder(TestRun.Infrastructure).WithRows(4).CreateAsync();
        await using var db = TestRun.Infrastructure.CreateDbContext();
        var refusedPhone = await db.BulkInvitationRows.Where(r => r.JobId == job.Id && r.RowNumber == 3).Select(r => r.Phone).SingleAsync();
        _gateway.Refused[refusedPhone] = true;
        await _worker.Bus.Publish(TestJobBuilder.Submitted(job));
        var first = await _worker.CompletionAsync(job.Id);
        Assert.That(first.Status, Is.EqualTo(BulkJobStatus.PartialSuccess));

        _gateway.Refused.Clear();
        await _worker.Bus.Publish(new RetryFailedDealers { BulkJobId = job.Id, RequestedBy = "sponsor-test", RequestedAt = DateTimeOffset.UtcNow });

        var second = await _worker.CompletionAsync(job.Id, BulkJobStatus.Completed);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(second.SucceededDealers, Is.EqualTo(4));
            Assert.That(second.FailedDealers, Is.Zero);
            Assert.That(second.Sequence, Is.GreaterThan(first.Sequence));
            Assert.That(_gateway.Delivered.Values, Is.All.EqualTo(1));
            Assert.That(_gateway.Delivered, Has.Count.EqualTo(4));
            Assert.That(await db.DealerInvitations.CountAsync(i => i.BulkJobId == job.Id), Is.EqualTo(4));
            Assert.That(await db.SponsorshipCodes.CountAsync(c => c.ReservedByJobId == job.Id && c.AssignedAt == null), Is.Zero);
        }
    }
}
