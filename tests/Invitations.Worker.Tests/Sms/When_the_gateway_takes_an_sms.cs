using Invitations.Contracts.BulkInvitations;
using Invitations.Testing.BulkJobs;
using Invitations.Worker.Tests.Dealers;
using Microsoft.EntityFrameworkCore;

namespace Invitations.Worker.Tests.Sms;

/// <summary>
/// A group of dealers is sent at the gateway's pace, which takes seconds. Each SMS the gateway took is marked sent
/// at once, not when the whole group is over: a Worker that dies meanwhile leaves nothing to send again, and the
/// gateway's delivery report finds its message id. Here the gateway takes three messages and then holds every
/// other one, so no group can finish.
/// </summary>
public sealed class When_the_gateway_takes_an_sms
{
    private const int Taken = 3;
    private ThrottlingGatewayStub _gateway = null!;
    private WorkerHost _worker = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _gateway = await ThrottlingGatewayStub.StartAsync();
        _gateway.HoldAfter = Taken;
        _worker = await WorkerHost.StartAsync(new Dictionary<string, string?>
        {
            ["Sms:Provider"] = "Http",
            ["Sms:Http:Url"] = _gateway.Url,
            // Longer than the test holds the gateway: no held message is given up and sent again.
            ["Sms:Http:Timeout"] = "00:02:00",
            ["Sms:AttemptLease"] = "00:03:00",
        });
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        _gateway.Release.TrySetResult();
        await _worker.DisposeAsync();
        await _gateway.DisposeAsync();
    }

    [Test]
    public async Task Should_mark_it_sent_before_the_rest_of_its_group_is_answered()
    {
        var job = await new TestJobBuilder(TestRun.Infrastructure).WithRows(20).CreateAsync();
        await using var db = TestRun.Infrastructure.CreateDbContext();
        var phones = await db.BulkInvitationRows.AsNoTracking().Where(r => r.JobId == job.Id).ToDictionaryAsync(r => r.Phone, r => r.RowNumber);
        await _worker.Bus.Publish(TestJobBuilder.Submitted(job));

        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (_gateway.Accepted.Count < Taken && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }

        var taken = _gateway.Accepted.ToDictionary(a => phones[a.Key], a => a.Value.Single());
        Dictionary<int, (DateTimeOffset? SentAt, string? MessageId, bool InDoubt)> marked = [];
        while (DateTime.UtcNow < deadline)
        {
            marked = await db.DealerInvitations.AsNoTracking().Where(i => i.BulkJobId == job.Id && i.SmsSentAt != null)
                .ToDictionaryAsync(i => i.RowNumber, i => (i.SmsSentAt, i.SmsProviderMessageId, i.SmsInDoubt));
            if (taken.Keys.All(marked.ContainsKey))
            {
                break;
            }

            await Task.Delay(50);
        }

        var pending = await db.BulkInvitationRows.AsNoTracking().CountAsync(r => r.JobId == job.Id && r.Status == Data.Persistence.Entities.RowStatus.Pending);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(taken, Has.Count.EqualTo(Taken), "the gateway took its first messages");
            Assert.That(pending, Is.GreaterThan(0), "the held messages keep their groups from settling");
            foreach (var (row, messageId) in taken)
            {
                Assert.That(marked.TryGetValue(row, out var m), Is.True, $"row {row}: taken by the gateway, marked sent");
                Assert.That(m.MessageId, Is.EqualTo(messageId), $"row {row}: the gateway's message id");
                Assert.That(m.InDoubt, Is.False, $"row {row}: not in doubt");
            }
        }

        _gateway.Release.SetResult();
        var completed = await _worker.CompletionAsync(job.Id);
        Assert.That(completed.Status, Is.EqualTo(BulkJobStatus.Completed));
        Assert.That(phones.Keys.Select(p => _gateway.Accepted.TryGetValue(p, out var ids) ? ids.Count : 0), Is.All.EqualTo(1), "one SMS per dealer");
    }
}
