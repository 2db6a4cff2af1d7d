using Invitations.Contracts.BulkInvitations;
using Invitations.Contracts.Dealers;
using Invitations.Data.Persistence.Entities;
using Invitations.Testing.BulkJobs;
using Invitations.Worker.Dealers;
using Invitations.Worker.Tests.Dealers;
using Microsoft.EntityFrameworkCore;

namespace Invitations.Worker.Tests.Sms;

/// <summary>
/// Batch sends (<c>Sms:Http:BatchSize</c> 4): one answer accepts some messages with ids, refuses one, has one
/// fail for now and throttles one. Each row gets its own result: the refused row fails with the gateway's
/// reason, the others are sent once each, in any order the answer lists them.
/// </summary>
public sealed class When_a_batch_answer_is_mixed
{
    private ThrottlingGatewayStub _gateway = null!;
    private WorkerHost _worker = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _gateway = await ThrottlingGatewayStub.StartAsync();
        _worker = await WorkerHost.StartAsync(new Dictionary<string, string?>
        {
            ["Sms:Provider"] = "Http",
            ["Sms:Http:Url"] = _gateway.Url,
            ["Sms:Http:BatchUrl"] = _gateway.BatchUrl,
            ["Sms:Http:BatchSize"] = "4",
            ["Sms:ThrottleBackoff"] = "00:00:00.200",
        });
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        await _worker.DisposeAsync();
        await _gateway.DisposeAsync();
    }

    [Test]
    public async Task Should_give_each_row_its_own_result()
    {
        var job = await new TestJobBuilder(TestRun.Infrastructure).WithRows(8).CreateAsync();
        await using var db = TestRun.Infrastructure.CreateDbContext();
        var phones = await db.BulkInvitationRows.AsNoTracking().Where(r => r.JobId == job.Id).ToDictionaryAsync(r => r.RowNumber, r => r.Phone);
        var first = job.RowNumbers.Min();
        var (refused, transient, throttled) = (phones[first], phones[first + 1], phones[first + 2]);
        _gateway.BatchStatus = (phone, seen) =>
            phone == refused ? 400
            : phone == transient && seen == 1 ? 503
            : phone == throttled && seen == 1 ? 429
            : 202;
        await _worker.Bus.Publish(TestJobBuilder.Submitted(job));

        var completed = await _worker.CompletionAsync(job.Id);
        var rows = await db.BulkInvitationRows.AsNoTracking().Where(r => r.JobId == job.Id).ToDictionaryAsync(r => r.RowNumber);
        var invitations = await db.DealerInvitations.Where(i => i.BulkJobId == job.Id).ToDictionaryAsync(i => i.RowNumber);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(completed.Status, Is.EqualTo(BulkJobStatus.PartialSuccess));
            Assert.That(rows[first].Status, Is.EqualTo(RowStatus.Failed));
            Assert.That(rows[first].ErrorCode, Is.EqualTo(RejectionReasons.SmsRejected));
            Assert.That(rows.Values.Where(r => r.RowNumber != first).Select(r => r.Status), Is.All.EqualTo(RowStatus.Succeeded));
            Assert.That(phones.Where(p => p.Key != first).Select(p => _gateway.Accepted.GetValueOrDefault(p.Value)?.Count ?? 0), Is.All.EqualTo(1));
            Assert.That(_gateway.Accepted.ContainsKey(refused), Is.False);
            foreach (var row in phones.Keys.Where(r => r != first))
            {
                Assert.That(invitations[row].SmsProviderMessageId, Is.EqualTo(_gateway.Accepted[phones[row]].Single()), $"row {row} keeps its own message id");
            }
        }
    }
}
