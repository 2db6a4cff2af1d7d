using Invitations.Contracts.BulkInvitations;
using Invitations.Testing.BulkJobs;
using Microsoft.EntityFrameworkCore;

namespace Invitations.Worker.Tests.Dealers;

/// <summary>
/// The gateway takes the first requests but answers after the client's timeout: the Worker cannot know they
/// went out, sends them again with the same key and marks those rows as possibly sent twice.
/// </summary>
[TestFixture(true, TestName = "a gateway that honours the idempotency key")]
[TestFixture(false, TestName = "a gateway that ignores the idempotency key")]
public sealed class When_the_sms_gateway_answers_after_the_timeout(bool honoursKeys)
{
    private const int Late = 2;

    private SmsGatewayStub _gateway = null!;
    private WorkerHost _worker = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _gateway = await SmsGatewayStub.StartAsync();
        _gateway.HonourKeys = honoursKeys;
        _worker = await WorkerHost.StartAsync(new Dictionary<string, string?>
        {
            ["Sms:Provider"] = "Http",
            ["Sms:Http:Url"] = _gateway.Url,
            ["Sms:Http:Timeout"] = "00:00:01",
            ["Sms:AttemptLease"] = "00:00:02",
        });
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        await _worker.DisposeAsync();
        await _gateway.DisposeAsync();
    }

    [Test]
    public async Task Should_send_again_with_the_same_key_and_mark_only_those_rows()
    {
        var job = await new TestJobBuilder(TestRun.Infrastructure).WithRows(6).CreateAsync();
        _gateway.AnswerLate(Late, TimeSpan.FromSeconds(3));
        await _worker.Bus.Publish(TestJobBuilder.Submitted(job));

        var completed = await _worker.CompletionAsync(job.Id);
        await using var db = TestRun.Infrastructure.CreateDbContext();
        var invitations = await db.DealerInvitations.AsNoTracking().Where(i => i.BulkJobId == job.Id).ToListAsync();
        var requests = invitations.ToDictionary(i => i.Phone, i => _gateway.Received.Where(r => r.Phone == i.Phone).ToList());
        var sentAgain = requests.Where(r => r.Value.Count > 1).Select(r => r.Key).ToList();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(completed.Status, Is.EqualTo(BulkJobStatus.Completed));
            Assert.That(completed.SucceededDealers, Is.EqualTo(6));
            Assert.That(sentAgain, Has.Count.EqualTo(Late), "the requests answered late, and only those, were sent again");
            Assert.That(requests.Values.SelectMany(r => r).Select(r => r.Key).Distinct().Count(), Is.EqualTo(6), "one key per dealer");
            Assert.That(
                invitations.Where(i => i.SmsPossibleDuplicate).Select(i => i.Phone),
                Is.EquivalentTo(sentAgain),
                "every row sent again is marked possibly sent twice, and no other");
            Assert.That(invitations.Select(i => (Sent: i.SmsSentAt.HasValue, Claimed: i.SmsClaimedUntil.HasValue)), Has.All.EqualTo((true, false)), "every SMS sent and no claim left");
            Assert.That(
                invitations.Select(i => _gateway.Delivered.GetValueOrDefault(i.Phone)),
                honoursKeys ? Is.All.EqualTo(1) : Has.Exactly(Late).EqualTo(2).And.Exactly(6 - Late).EqualTo(1));
        }
    }
}
