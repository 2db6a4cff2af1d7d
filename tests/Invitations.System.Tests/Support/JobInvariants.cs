using Npgsql;

namespace Invitations.System.Tests.Support;

/// <summary>
/// What must hold for every job, whatever failed on the way: each row has exactly one final outcome, no
/// dealer was invited twice, no code was handed out twice or lost, and the job reached a final state.
/// </summary>
public static class JobInvariants
{
    private static readonly string[] FinalJobStates = ["Completed", "PartialSuccess", "Failed", "Cancelled"];

    public static async Task AssertHoldAsync(NpgsqlDataSource dataSource, Guid jobId, long sponsorId, int codesIssued)
    {
        var job = await SingleRowAsync(dataSource, """
            SELECT j.status, j.total_dealers, j.codes_reserved,
              (SELECT count(*) FROM bulk_invitation_rows r WHERE r.job_id = j.id),
              (SELECT count(*) FROM bulk_invitation_rows r WHERE r.job_id = j.id AND r.status = 'Pending'),
              (SELECT count(*) FROM bulk_invitation_rows r WHERE r.job_id = j.id AND r.status = 'Succeeded'),
              (SELECT coalesce(sum(r.code_count), 0) FROM bulk_invitation_rows r WHERE r.job_id = j.id AND r.status = 'Succeeded')
            FROM bulk_invitation_jobs j WHERE j.id = @job
            """, ("job", jobId));
        var (status, total, reserved, rows, pending, succeeded, succeededCodes) =
            ((string)job[0], (int)job[1], (int)job[2], (long)job[3], (long)job[4], (long)job[5], (long)job[6]);

        Assert.That(FinalJobStates, Does.Contain(status), $"job {jobId} did not reach a final state");
        Assert.That(rows, Is.EqualTo(total), "one row per dealer");
        Assert.That(pending, Is.Zero, "every row has a final outcome");

        var invitations = await SingleRowAsync(dataSource, """
            SELECT count(*), count(DISTINCT row_number),
              (SELECT count(*) FROM (SELECT email FROM dealer_invitations WHERE sponsor_id = @sponsor GROUP BY email HAVING count(*) > 1) d)
            FROM dealer_invitations WHERE bulk_job_id = @job
            """, ("job", jobId), ("sponsor", sponsorId));
        Assert.That((long)invitations[0], Is.EqualTo(succeeded), "one invitation per succeeded row");
        Assert.That((long)invitations[1], Is.EqualTo(succeeded), "no row invited twice");
        Assert.That((long)invitations[2], Is.Zero, "no dealer email invited twice by the sponsor");

        var codes = await SingleRowAsync(dataSource, """
            SELECT
              (SELECT count(*) FROM sponsorship_codes WHERE sponsor_id = @sponsor),
              (SELECT count(*) FROM sponsorship_codes c JOIN dealer_invitations i ON c.invitation_id = i.id WHERE i.bulk_job_id = @job),
              (SELECT count(*) FROM sponsorship_codes WHERE reserved_by_job_id = @job AND assigned_at IS NULL),
              (SELECT count(*) FROM sponsorship_codes WHERE sponsor_id = @sponsor AND (invitation_id IS NOT NULL OR dealer_id IS NOT NULL) AND assigned_at IS NULL)
            """, ("job", jobId), ("sponsor", sponsorId));
        Assert.That((long)codes[0], Is.EqualTo(codesIssued), "no code lost or created");
        Assert.That((long)codes[1], Is.EqualTo(succeededCodes), "each succeeded row got exactly its codes");
        Assert.That((long)codes[2], Is.Zero, "a finished job keeps no reserved code it did not hand over");
        Assert.That((long)codes[3], Is.Zero, "every handed-over code records when");

        // What the job reserved went one of three ways: handed over, released to the sponsor, or still held (none
        // once final). Released codes carry no job any more: they are the rest.
        var held = (long)codes[2];
        var released = reserved - (long)codes[1] - held;
        Assert.That(released, Is.GreaterThanOrEqualTo(0), $"reserved {reserved} = handed over {codes[1]} + released {released} + held {held}");
        Assert.That(released, Is.EqualTo(await SumCodesOfRowsNotSucceededAsync(dataSource, jobId)), "exactly the codes of the rows not invited went back");
    }

    /// <summary>
    /// Every invited dealer got the SMS, and only dealers of these jobs got one. Against a gateway that honours the
    /// Idempotency-Key, exactly one each. Against one that ignores it, a second SMS is allowed only for a row the
    /// product marked as possibly sent twice (<c>dealer_invitations.sms_possible_duplicate</c>: an SMS in flight at a crash).
    /// </summary>
    public static async Task AssertOneSmsPerDealerAsync(
        NpgsqlDataSource dataSource, IReadOnlyCollection<Guid> jobIds, IReadOnlyDictionary<string, int> acceptedPerPhone, bool keyHonoured)
    {
        var invited = new HashSet<string>(StringComparer.Ordinal);
        var all = new HashSet<string>(StringComparer.Ordinal);
        await using (var command = dataSource.CreateCommand("SELECT phone, status FROM bulk_invitation_rows WHERE job_id = ANY(@jobs)"))
        {
            command.Parameters.AddWithValue("jobs", jobIds.ToArray());
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                all.Add(reader.GetString(0));
                if (reader.GetString(1) == "Succeeded")
                {
                    invited.Add(reader.GetString(0));
                }
            }
        }

        var twice = acceptedPerPhone.Where(p => p.Value > 1).Select(p => p.Key).ToList();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(invited.Where(p => !acceptedPerPhone.ContainsKey(p)), Is.Empty, "every invited dealer got the SMS");
            Assert.That(acceptedPerPhone.Keys.Where(p => !all.Contains(p)), Is.Empty, "no SMS to anyone outside the jobs");
            if (keyHonoured)
            {
                Assert.That(twice, Is.Empty, "exactly one SMS per dealer against a gateway that honours the Idempotency-Key");
            }
        }

        if (keyHonoured || twice.Count == 0)
        {
            return;
        }

        await using var marked = dataSource.CreateCommand(
            """
            SELECT r.phone FROM bulk_invitation_rows r
            JOIN dealer_invitations i ON i.bulk_job_id = r.job_id AND i.row_number = r.row_number
            WHERE r.job_id = ANY(@jobs) AND r.phone = ANY(@phones) AND NOT i.sms_possible_duplicate
            """);
        marked.Parameters.AddWithValue("jobs", jobIds.ToArray());
        marked.Parameters.AddWithValue("phones", twice.ToArray());
        var unmarked = new List<string>();
        await using (var reader = await marked.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                unmarked.Add(reader.GetString(0));
            }
        }

        Assert.That(unmarked, Is.Empty, $"{twice.Count} dealers got a second SMS; each must be a row marked possibly sent twice");
    }

    public static async Task<long> RowsNotSucceededAsync(NpgsqlDataSource dataSource, Guid jobId)
    {
        await using var command = dataSource.CreateCommand("SELECT count(*) FROM bulk_invitation_rows WHERE job_id = @job AND status <> 'Succeeded'");
        command.Parameters.AddWithValue("job", jobId);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private static async Task<long> SumCodesOfRowsNotSucceededAsync(NpgsqlDataSource dataSource, Guid jobId)
    {
        await using var command = dataSource.CreateCommand(
            "SELECT coalesce(sum(code_count), 0) FROM bulk_invitation_rows WHERE job_id = @job AND status <> 'Succeeded'");
        command.Parameters.AddWithValue("job", jobId);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private static async Task<object[]> SingleRowAsync(NpgsqlDataSource dataSource, string sql, params (string Name, object Value)[] parameters)
    {
        await using var command = dataSource.CreateCommand(sql);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        await using var reader = await command.ExecuteReaderAsync();
        Assert.That(await reader.ReadAsync(), Is.True, "row not found");
        var values = new object[reader.FieldCount];
        reader.GetValues(values);
        return values;
    }
}
