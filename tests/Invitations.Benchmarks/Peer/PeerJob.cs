using Invitations.Benchmarks.Ceiling;
using Npgsql;

namespace Invitations.Benchmarks.Peer;

/// <summary>The Hangfire job of the older design: one dealer's database work, then the progress row.</summary>
public sealed class PeerJob
{
    // Hangfire activates jobs with a parameterless constructor by default; the benchmark sets these once.
    internal static DealerTransaction? Work { get; set; }
    internal static NpgsqlDataSource? DataSource { get; set; }

    public async Task RunAsync(long sponsorId, Guid jobId, int rowNumber)
    {
        await Work!.RunAsync(sponsorId, jobId, rowNumber);
        await using var command = DataSource!.CreateCommand("UPDATE bench.progress SET done = done + 1 WHERE job_id = @job");
        command.Parameters.AddWithValue("job", jobId);
        await command.ExecuteNonQueryAsync();
    }
}
