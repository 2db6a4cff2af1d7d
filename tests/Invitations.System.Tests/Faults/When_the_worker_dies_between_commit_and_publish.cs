using Invitations.Testing.Logging;
namespace Invitations.System.Tests.Faults;

public sealed class When_the_worker_dies_between_commit_and_publish
{
    private const string CrashRow = "Faults:CrashBeforeOutcomePublishRow";

    [Test]
    public async Task Should_report_the_committed_row_after_a_new_worker_starts_and_do_it_only_once()
    {
        // Row 52: the Worker commits its invitation, codes, SMS and outcome, then dies before publishing.
        await using var rig = await FaultRig.StartAsync(new Dictionary<string, string?>
        {
            [CrashRow] = "52",
            ["Logging:LogLevel:Invitations.Worker.Sms"] = "Information",
        });
        // More rows than one Worker takes in hand (Dealers:PrefetchCount), so the new Worker has rows to send.
        var jobId = await rig.UploadAsync(1000);

        var exitCode = await rig.Worker.WaitForExitAsync(TimeSpan.FromSeconds(60));
        var (statusAtCrash, invitationsAtCrash) = await RowAsync(rig, jobId, 52);

        await rig.StartWorkerAsync(CrashRow);
        var status = await rig.WaitUntilFinalAsync(jobId);
        var (finalStatus, invitations) = await RowAsync(rig, jobId, 52);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(exitCode, Is.Not.Zero, "the first Worker should have died at row 52");
            Assert.That(statusAtCrash, Is.EqualTo("Succeeded"), "the row's work was committed before the crash");
            Assert.That(invitationsAtCrash, Is.EqualTo(1));
            Assert.That(status.GetProperty("status").GetString(), Is.EqualTo("Completed"));
            Assert.That(status.GetProperty("successfulInvitations").GetInt32(), Is.EqualTo(1000));
            Assert.That(finalStatus, Is.EqualTo("Succeeded"));
            Assert.That(invitations, Is.EqualTo(1));
            Assert.That(await SmsCountAsync(rig, jobId, 52), Is.EqualTo(1));
            Assert.That(rig.Worker.Output.Where(l => l.Contains("SMS (log provider)", StringComparison.Ordinal)), Is.Not.Empty, "the new Worker logs the SMS it sends");
            Assert.That(rig.Worker.Output.Where(l => l.EndsWith($"job {jobId} row 52", StringComparison.Ordinal)), Is.Empty, "the new Worker sent row 52 no second SMS");
        }

        await rig.AssertInvariantsAsync(jobId);
        LogScan.AssertNoPersonalData(rig.Output);
    }

    private static async Task<(string? Status, long Invitations)> RowAsync(FaultRig rig, Guid jobId, int row)
    {
        await using var command = rig.DataSource.CreateCommand(
            """
            SELECT r.status, (SELECT count(*) FROM dealer_invitations i WHERE i.bulk_job_id = r.job_id AND i.row_number = r.row_number)
            FROM bulk_invitation_rows r WHERE r.job_id = @job AND r.row_number = @row
            """);
        command.Parameters.AddWithValue("job", jobId);
        command.Parameters.AddWithValue("row", row);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return (reader.GetString(0), reader.GetInt64(1));
    }

    private static async Task<long> SmsCountAsync(FaultRig rig, Guid jobId, int row)
    {
        await using var command = rig.DataSource.CreateCommand("SELECT count(*) FROM sms_messages WHERE bulk_job_id = @job AND row_number = @row");
        command.Parameters.AddWithValue("job", jobId);
        command.Parameters.AddWithValue("row", row);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
