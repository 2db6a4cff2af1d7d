using Invitations.Contracts.Dealers;
using Invitations.Data.Persistence.Entities;
using Invitations.Testing.BulkJobs;
using Invitations.Worker.Dealers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Invitations.Worker.Tests.Dealers;

/// <summary>
/// A cancel marks a job's waiting rows Skipped while a group of them is sending its SMS. The group then
/// records its outcomes over the Skipped mark, as one row alone does: the dealers were invited and texted.
/// </summary>
public sealed class When_a_cancel_races_a_group
{
    private SmsGatewayStub _gateway = null!;
    private WorkerHost _worker = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _gateway = await SmsGatewayStub.StartAsync();
        _gateway.Latency = TimeSpan.FromMilliseconds(500);
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
    public async Task Should_record_each_row_the_group_did_over_the_skip()
    {
        var job = await new TestJobBuilder(TestRun.Infrastructure).WithRows(4).AlreadyDispatched().CreateAsync();
        var messages = job.RowNumbers.Select(row => new InviteDealer { BulkJobId = job.Id, RowNumber = row, Attempt = 1 }).ToList();
        await using var scope = _worker.Services.CreateAsyncScope();
        var grouped = scope.ServiceProvider.GetRequiredService<DealerInvitationService>().ProcessGroupAsync(messages, CancellationToken.None);

        // Once the group has committed its invitations (its SMS are on their way), the cancel's update takes
        // the rows and commits only when the group's final write waits for them.
        await using var db = TestRun.Infrastructure.CreateDbContext();
        await JobWatch.UntilAsync(async () => await db.DealerInvitations.CountAsync(i => i.BulkJobId == job.Id) == 4);
        await using (var cancel = new NpgsqlConnection(TestRun.Infrastructure.ConnectionString))
        {
            await cancel.OpenAsync();
            await using var transaction = await cancel.BeginTransactionAsync();
            await using (var skip = new NpgsqlCommand("UPDATE bulk_invitation_rows SET status = 'Skipped' WHERE job_id = @job AND status = 'Pending'", cancel, transaction))
            {
                skip.Parameters.AddWithValue("job", job.Id);
                Assert.That(await skip.ExecuteNonQueryAsync(), Is.EqualTo(4));
            }

            await WaitForALockWaitAsync(cancel.ProcessID);
            await transaction.CommitAsync();
        }

        var results = await grouped;
        var rows = await db.BulkInvitationRows.AsNoTracking().Where(r => r.JobId == job.Id).Select(r => r.Status).ToListAsync();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(results, Has.All.Not.Null.And.Property(nameof(DealerResult.Recorded)).True);
            Assert.That(rows, Has.All.EqualTo(RowStatus.Succeeded));
            Assert.That(await db.DealerInvitations.CountAsync(i => i.BulkJobId == job.Id && i.SmsSentAt != null), Is.EqualTo(4));
        }
    }

    /// <summary>Until another session of this database waits for a lock the given session holds.</summary>
    private static async Task WaitForALockWaitAsync(int holder)
    {
        await using var watch = new NpgsqlConnection(TestRun.Infrastructure.ConnectionString);
        await watch.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT count(*) FROM pg_stat_activity WHERE @holder = ANY(pg_blocking_pids(pid))", watch);
        command.Parameters.AddWithValue("holder", holder);
        await JobWatch.UntilAsync(async () => (long)(await command.ExecuteScalarAsync())! > 0);
    }
}
