using System.Globalization;
using Npgsql;

namespace Invitations.Benchmarks.EndToEnd;

/// <summary>
/// When each phase of a finished job happened, in seconds from the start of its upload, from the times the
/// service stores: the job's row, the saga's start, the first and last dispatch, the first and last
/// invitation, the last SMS and the saga's completion.
/// </summary>
public static class JobPhases
{
    public static async Task<string> DescribeAsync(NpgsqlDataSource dataSource, Guid jobId, DateTimeOffset uploadStarted, TimeSpan accept, DateTimeOffset completionSeen)
    {
        const string sql = """
            SELECT j.created_at, s.started_at,
                   (SELECT min(dispatched_at) FROM bulk_invitation_rows WHERE job_id = @job),
                   (SELECT max(dispatched_at) FROM bulk_invitation_rows WHERE job_id = @job),
                   (SELECT min(created_at) FROM dealer_invitations WHERE bulk_job_id = @job),
                   (SELECT max(created_at) FROM dealer_invitations WHERE bulk_job_id = @job),
                   (SELECT max(sms_sent_at) FROM dealer_invitations WHERE bulk_job_id = @job),
                   s.completed_at
            FROM bulk_invitation_jobs j LEFT JOIN bulk_invitation_sagas s ON s.correlation_id = j.id
            WHERE j.id = @job
            """;
        await using var command = dataSource.CreateCommand(sql);
        command.Parameters.AddWithValue("job", jobId);
        await using var reader = await command.ExecuteReaderAsync();
        if (!await reader.ReadAsync())
        {
            return "job not found";
        }

        string At(int column) => reader.IsDBNull(column)
            ? "-"
            : (reader.GetFieldValue<DateTimeOffset>(column) - uploadStarted).TotalSeconds.ToString("F2", CultureInfo.InvariantCulture);
        var seen = (completionSeen - uploadStarted).TotalSeconds;
        var phases = string.Create(
            CultureInfo.InvariantCulture,
            $"accepted {accept.TotalSeconds:F2} (row {At(0)}), saga {At(1)}, dispatch {At(2)}–{At(3)}, invitations {At(4)}–{At(5)}, last SMS {At(6)}, completed {At(7)}, seen {seen:F2}");
        await reader.DisposeAsync();

        // The saga's last steps: how long its final outcome messages took to arrive and be counted.
        await using var tail = dataSource.CreateCommand(
            "SELECT event, at, detail FROM saga_timeline WHERE job_id = @job ORDER BY at DESC, id DESC LIMIT 6");
        tail.Parameters.AddWithValue("job", jobId);
        await using var steps = await tail.ExecuteReaderAsync();
        var last = new List<string>();
        while (await steps.ReadAsync())
        {
            var detail = steps.IsDBNull(2) ? string.Empty : steps.GetString(2);
            last.Add(string.Create(CultureInfo.InvariantCulture, $"{steps.GetString(0)} {(steps.GetFieldValue<DateTimeOffset>(1) - uploadStarted).TotalSeconds:F2} ({detail[..Math.Min(detail.Length, 60)]})"));
        }

        return $"{phases}; saga's last steps: {string.Join(" | ", last)}";
    }
}
