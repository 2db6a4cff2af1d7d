using Invitations.Contracts.BulkInvitations;
using Invitations.Testing.BulkJobs;
using Microsoft.EntityFrameworkCore;

namespace Invitations.Worker.Tests.Dealers;

public sealed class When_sms_requests_carry_an_idempotency_key
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

            // One quick retry, then a scheduled redelivery: both must carry the first request's key.
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
    public async Task Should_send_the_invitation_id_as_the_key_on_every_retry()
    {
        var job = await new TestJobBuilder(TestRun.Infrastructure).WithRows(5).CreateAsync();
        _gateway.FailNext(3);
        await _worker.Bus.Publish(TestJobBuilder.Submitted(job));

        var completed = await _worker.CompletionAsync(job.Id);
        await using var db = TestRun.Infrastructure.CreateDbContext();
        var invitations = await db.DealerInvitations.AsNoTracking().Where(i => i.BulkJobId == job.Id).ToListAsync();
        var requests = _gateway.Received.Where(r => invitations.Any(i => i.Phone == r.Phone)).ToList();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(completed.Status, Is.EqualTo(BulkJobStatus.Completed));
            Assert.That(requests, Has.Count.EqualTo(8), "five SMS and the three refused requests tried again");
            foreach (var invitation in invitations)
            {
                Assert.That(
                    requests.Where(r => r.Phone == invitation.Phone).Select(r => r.Key),
                    Is.Not.Empty.And.All.EqualTo(invitation.Id.ToString("D")),
                    $"row {invitation.RowNumber}: every request carries its invitation id");
                Assert.That(_gateway.Delivered.GetValueOrDefault(invitation.Phone), Is.EqualTo(1));
                Assert.That(invitation.SmsPossibleDuplicate, Is.False, "a 503 is an answer: the SMS did not go out");
            }
        }
    }
}
