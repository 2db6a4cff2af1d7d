using System.Diagnostics;

namespace Invitations.System.Tests.Faults;

public sealed class When_the_worker_dies_between_commit_and_publish
{
    private const string CrashRow = "Faults:CrashBeforeOutcomePublishRow";

    [Test]
    public async Task Should_report_the_committed_row_after_a_new_worker_starts_and_do_it_only_once()
    {
        // Row 52: the Worker commits its invitation, codes, SMS and outcome, then dies before publishing. The gateway
        // ignores the Idempotency-Key, so any second SMS of row 52 would show as a second accepted SMS.
        await using var rig = await FaultRig.StartAsync(keyHonoured: false, extra: new Dictionary<string, string?> { [CrashRow] = "52" });

        // More rows than one Worker takes in hand (Dealers:PrefetchCount), so the new Worker has rows to send.
        var jobId = await rig.UploadAsync(1000);

        var exitCode = await rig.Worker.WaitForExitAsync(TimeSpan.FromSeconds(60));
        var (statusAtCrash, invitationsAtCrash, phone) = await RowAsync(rig, jobId, 52);
        var smsAtCrash = (await rig.Stub.AcceptedPerPhoneAsync()).GetValueOrDefault(phone);

        await rig.StartWorkerAsync(CrashRow);
        var sinceFaultEnded = Stopwatch.StartNew();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(exitCode, Is.Not.Zero, "the first Worker should have died at row 52");
            Assert.That(statusAtCrash, Is.EqualTo("Succeeded"), "the row's work was committed before the crash");
            Assert.That(invitationsAtCrash, Is.EqualTo(1));
            Assert.That(smsAtCrash, Is.EqualTo(1), "row 52's SMS was sent before the crash");
        }

        await FaultOutcome.AssertRecoveredAsync(rig, "7 Worker dies between commit and publish", sinceFaultEnded, jobId);
        var (finalStatus, invitations, _) = await RowAsync(rig, jobId, 52);
        Assert.That(finalStatus, Is.EqualTo("Succeeded"));
        Assert.That(invitations, Is.EqualTo(1));
        Assert.That((await rig.Stub.AcceptedPerPhoneAsync())[phone], Is.EqualTo(1), "the new Worker sent row 52 no second SMS");
    }

    private static async Task<(string? Status, long Invitations, string Phone)> RowAsync(FaultRig rig, Guid jobId, int row)
    {
        await using var command = rig.DataSource.CreateCommand(
            """
            SELECT r.status, (SELECT count(*) FROM dealer_invitations i WHERE i.bulk_job_id = r.job_id AND i.row_number = r.row_number), r.phone
            FROM bulk_invitation_rows r WHERE r.job_id = @job AND r.row_number = @row
            """);
        command.Parameters.AddWithValue("job", jobId);
        command.Parameters.AddWithValue("row", row);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return (reader.GetString(0), reader.GetInt64(1), reader.GetString(2));
    }
}
