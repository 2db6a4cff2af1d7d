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
        var (status, total, rows, pending, succeeded, succeededCodes) =
            ((string)job[0], (int)job[1], (long)job[3], (long)job[4], (long)job[5], (long)job[6]);

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
