using Invitations.Contracts.BulkInvitations;
using Invitations.Testing.BulkJobs;
using Microsoft.EntityFrameworkCore;

namespace Invitations.Worker.Tests.Dealers;

public sealed class When_the_sms_gateway_fails_twice
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
            ["Sms:Http:Username"] = "invitations",
            ["Sms:Http:Password"] = "test",

            // One quick retry, then a scheduled redelivery through our scheduler.
            ["Dealers:RetryLimit"] = "1",
        });
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        await _worker.DisposeAsync();
        await _gateway.DisposeAsync();
    }

    [Test]
    public async Task Should_complete_with_one_sms_per_dealer()
    {
        var job = await new TestJobBuilder(TestRun.Infrastructure).WithRows(5).CreateAsync();
        _gateway.FailNext(2);
        await _worker.Bus.Publish(TestJobBuilder.Submitted(job));

        var completed = await _worker.CompletionAsync(job.Id);
        await using var db = TestRun.Infrastructure.CreateDbContext();
        var phones = await db.BulkInvitationRows.Where(r => r.JobId == job.Id).Select(r => r.Phone).ToListAsync();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(completed.Status, Is.EqualTo(BulkJobStatus.Completed));
            Assert.That(phones.Select(p => _gateway.Delivered.GetValueOrDefault(p)), Is.All.EqualTo(1));
            Assert.That(_gateway.Requests, Is.EqualTo(7));
            Assert.That(await db.DealerInvitations.CountAsync(i => i.BulkJobId == job.Id && i.SmsSentAt != null), Is.EqualTo(5));
        }
    }
}
