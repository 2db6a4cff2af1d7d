using System.Text;
using Invitations.System.Tests.Support;
using Npgsql;

namespace Invitations.System.Tests.Faults;

/// <summary>
/// What a stuck job looks like from outside: the saga row, its last timeline entries, its rows by status, the
/// scheduler's table and the broker's queues, then the processes' last lines. Printed when a case fails.
/// </summary>
public static class RigDiagnostics
{
    public static async Task<string> DescribeAsync(FaultRig rig, Guid jobId)
    {
        var text = new StringBuilder();
        async Task QueryAsync(string title, string sql)
        {
            text.AppendLine($"-- {title}");
            try
            {
                await using var command = rig.DataSource.CreateCommand(sql);
                command.Parameters.AddWithValue(jobId);
                await using var reader = await command.ExecuteReaderAsync();
                while (await reader.ReadAsync())
                {
                    text.AppendLine(string.Join(" | ", Enumerable.Range(0, reader.FieldCount).Select(i => $"{reader.GetName(i)}={reader.GetValue(i)}")));
                }
            }
            catch (Exception ex) when (ex is NpgsqlException or InvalidOperationException)
            {
                text.AppendLine(ex.Message);
            }
        }

        await QueryAsync("saga", "SELECT * FROM bulk_invitation_sagas WHERE correlation_id = $1");
        await QueryAsync("timeline (last 15)", "SELECT at, event, from_state, to_state, left(detail, 200) AS detail FROM saga_timeline WHERE job_id = $1 ORDER BY id DESC LIMIT 15");
        await QueryAsync("rows", "SELECT status, attempts, count(*) FROM bulk_invitation_rows WHERE job_id = $1 GROUP BY 1, 2 ORDER BY 1, 2");
        await QueryAsync("scheduled", "SELECT token_id, destination, due_at, locked_until, delivery_attempts, now() AS db_now FROM scheduled_messages WHERE $1::uuid IS NOT NULL ORDER BY due_at LIMIT 20");
        text.AppendLine("-- queues");
        text.AppendLine(await RabbitMqQueues.DescribeAsync(rig.Infrastructure));
        var file = Path.Combine(TestContext.CurrentContext.WorkDirectory, $"rig-{jobId:N}.log");
        await File.WriteAllLinesAsync(file, rig.Output);
        TestContext.AddTestAttachment(file, "every line of the rig's processes");
        text.AppendLine($"-- processes (all lines in {file}; here the last 200 about endpoints, connections and faults, repeats dropped)");
        text.AppendLine(string.Join('\n', Notable(rig.Output).TakeLast(200)));
        return text.ToString();
    }

    /// <summary>The lines that tell how the transports fared: not every message and SMS, and each repeat only once.</summary>
    private static IEnumerable<string> Notable(IEnumerable<string> lines)
    {
        string? previous = null;
        foreach (var line in lines)
        {
            if (line.Contains(" RECEIVE ", StringComparison.Ordinal) || line.Contains(" SEND ", StringComparison.Ordinal)
                || line.Contains("SmsSender", StringComparison.Ordinal))
            {
                continue;
            }

            // Past the time stamp, the first 300 characters say what happened: a burst of the same becomes one line.
            var gist = line.Length > 13 ? line[13..Math.Min(line.Length, 313)] : line;
            if (gist != previous)
            {
                yield return line.Length > 600 ? line[..600] : line;
            }

            previous = gist;
        }
    }
}
