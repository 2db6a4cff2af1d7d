using Npgsql;

namespace Invitations.Benchmarks.EndToEnd;

/// <summary>A run that is wrong is not a result: every finished job is checked in the database.</summary>
public static class JobVerifier
{
    public static async Task VerifyAsync(NpgsqlDataSource dataSource, Guid jobId, int dealers, int codesPerDealer)
    {
        const string sql = """
            SELECT
              (SELECT count(*) FROM dealer_invitations WHERE bulk_job_id = @job),
              (SELECT count(DISTINCT row_number) FROM dealer_invitations WHERE bulk_job_id = @job),
              (SELECT count(*) FROM sponsorship_codes c JOIN dealer_invitations i ON c.invitation_id = i.id WHERE i.bulk_job_id = @job),
              (SELECT count(*) FROM (SELECT c.invitation_id FROM sponsorship_codes c JOIN dealer_invitations i ON c.invitation_id = i.id
                 WHERE i.bulk_job_id = @job GROUP BY c.invitation_id HAVING count(*) <> @codes) wrong)
            """;
        await using var command = dataSource.CreateCommand(sql);
        command.Parameters.AddWithValue("job", jobId);
        command.Parameters.AddWithValue("codes", (long)codesPerDealer);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        var (invitations, rows, codes, wrong) = (reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3));
        if (invitations != dealers || rows != dealers || codes != (long)dealers * codesPerDealer || wrong != 0)
        {
            throw new InvalidOperationException(
                $"job {jobId} is wrong: {invitations} invitations for {rows} rows of {dealers}, {codes} codes handed over, {wrong} invitations with the wrong number of codes");
        }
    }
}
