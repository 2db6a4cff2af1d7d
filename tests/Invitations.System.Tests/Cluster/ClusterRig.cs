using System.Globalization;
using System.Text.Json;
using Invitations.System.Tests.Support;
using Invitations.Testing;
using Invitations.Testing.Sms;
using Invitations.Testing.Sponsors;
using Npgsql;

namespace Invitations.System.Tests.Cluster;

/// <summary>
/// Two Apis and two Workers as processes, every one given the three nodes, on the shipped default timings; SMS
/// through the Http provider to a local gateway that records each message; a sponsor watching each Api's hub.
/// </summary>
public sealed class ClusterRig : IAsyncDisposable
{
    private static readonly string[] FinalStates = ["Completed", "PartialSuccess", "Failed", "Cancelled"];
    private readonly List<ServiceProcess> _processes;

    private ClusterRig(TestInfrastructure infrastructure, SmsGatewayStub gateway, List<ServiceProcess> processes)
    {
        Infrastructure = infrastructure;
        Gateway = gateway;
        _processes = processes;
        DataSource = infrastructure.CreateDataSource();
    }

    public TestInfrastructure Infrastructure { get; }
    public SmsGatewayStub Gateway { get; }
    public NpgsqlDataSource DataSource { get; }
    public long SponsorId { get; } = TestIds.NewSponsorId();

    /// <summary>Uploads through the first Api and watches its hub.</summary>
    public SponsorClient First { get; private set; } = null!;

    /// <summary>Watches the second Api's hub.</summary>
    public SponsorClient Second { get; private set; } = null!;

    public int CodesIssued { get; private set; }

    public string VirtualHost => VirtualHostOf(Infrastructure);

    public IEnumerable<string> Output => _processes.SelectMany(p => p.Output);

    public static string VirtualHostOf(TestInfrastructure infrastructure) =>
        Uri.UnescapeDataString(new Uri(infrastructure.RabbitMqUri).AbsolutePath.TrimStart('/')) is { Length: > 0 } name ? name : "/";

    public static async Task<ClusterRig> StartAsync(TestInfrastructure infrastructure)
    {
        var gateway = await SmsGatewayStub.StartAsync();
        var settings = new Dictionary<string, string?>(gateway.WorkerSettings)
        {
            ["Logging:LogLevel:Default"] = "Warning",
        };
        for (var i = 0; i < LocalCluster.Nodes.Length; i++)
        {
            settings[$"RabbitMq:Nodes:{i}"] = LocalCluster.Nodes[i];
        }

        List<ServiceProcess> processes =
        [
            ServiceProcess.Api(infrastructure, settings),
            ServiceProcess.Api(infrastructure, settings),
            ServiceProcess.Worker(infrastructure, settings),
            ServiceProcess.Worker(infrastructure, settings),
        ];
        var rig = new ClusterRig(infrastructure, gateway, processes);
        await Task.WhenAll(processes.Select(p => p.StartAsync(TimeSpan.FromSeconds(90))));
        rig.First = await SponsorClient.ConnectAsync(processes[0].BaseAddress, rig.SponsorId);
        rig.Second = await SponsorClient.ConnectAsync(processes[0].BaseAddress, rig.SponsorId, hubAddress: processes[1].BaseAddress);
        return rig;
    }

    public async Task<Guid> UploadAsync(int dealers)
    {
        await SponsorClient.IssueCodesAsync(_processes[0].BaseAddress, SponsorId, "M", dealers);
        CodesIssued += dealers;
        return (await First.UploadAsync(DealerFile.Create(dealers))).JobId;
    }

    /// <summary>Waits until at least <paramref name="atLeast"/> rows have their outcome in the database (the job's counters lag it).</summary>
    public async Task WaitUntilRowsDoneAsync(Guid jobId, int atLeast)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(2);
        await using var command = DataSource.CreateCommand("SELECT count(*) FROM bulk_invitation_rows WHERE job_id = $1 AND status <> 'Pending'");
        command.Parameters.AddWithValue(jobId);
        while ((long)(await command.ExecuteScalarAsync())! < atLeast)
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"job {jobId} had not {atLeast} outcomes after 2 minutes");
            }

            await Task.Delay(50);
        }
    }

    public Task<JsonElement> WaitUntilFinalAsync(Guid jobId, TimeSpan timeout) =>
        First.WaitForStatusAsync(jobId, s => FinalStates.Contains(s.GetProperty("status").GetString()), timeout);

    /// <summary>The database's clock now: outcomes are stamped with it.</summary>
    public async Task<DateTime> NowAsync()
    {
        await using var command = DataSource.CreateCommand("SELECT now()");
        return ((DateTime)(await command.ExecuteScalarAsync())!).ToUniversalTime();
    }

    public async Task<long> RowsLeftAsync(Guid jobId)
    {
        await using var command = DataSource.CreateCommand("SELECT count(*) FROM bulk_invitation_rows WHERE job_id = $1 AND status = 'Pending'");
        command.Parameters.AddWithValue(jobId);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>
    /// How the loss looked from the rows: the longest pause between two outcomes stamped after
    /// <paramref name="lostAt"/> (outcomes of consumes already under way can land just after the loss), how long
    /// after the loss outcomes were recorded again past that pause, and the job's whole time (upload to last outcome).
    /// </summary>
    public async Task<string> TimingsAsync(Guid jobId, DateTime lostAt)
    {
        await using var command = DataSource.CreateCommand("""
            WITH outcomes AS (
              SELECT completed_at, completed_at - lag(completed_at, 1, $2::timestamptz) OVER (ORDER BY completed_at) AS gap
              FROM bulk_invitation_rows WHERE job_id = $1 AND completed_at >= $2),
            longest AS (SELECT completed_at, gap FROM outcomes ORDER BY gap DESC LIMIT 1)
            SELECT
              (SELECT extract(epoch FROM gap) FROM longest),
              (SELECT extract(epoch FROM completed_at - $2) FROM longest),
              extract(epoch FROM (SELECT max(completed_at) FROM bulk_invitation_rows WHERE job_id = $1) - (SELECT created_at FROM bulk_invitation_jobs WHERE id = $1))
            """);
        command.Parameters.AddWithValue(jobId);
        command.Parameters.AddWithValue(lostAt);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        string Seconds(int i) => reader.IsDBNull(i) ? "-" : reader.GetDecimal(i).ToString("0.00", CultureInfo.InvariantCulture) + " s";
        return $"longest pause between outcomes after the loss {Seconds(0)}, outcomes recorded again {Seconds(1)} after the loss, job {Seconds(2)}";
    }

    public Task AssertInvariantsAsync(Guid jobId) => JobInvariants.AssertHoldAsync(DataSource, jobId, SponsorId, CodesIssued);

    public async ValueTask DisposeAsync()
    {
        var file = Path.Combine(TestContext.CurrentContext.WorkDirectory, $"cluster-rig-{SponsorId}.log");
        await File.WriteAllLinesAsync(file, Output);
        TestContext.AddTestAttachment(file, "every line of the rig's processes");
        foreach (var client in new[] { First, Second }.Where(c => c is not null))
        {
            await client.DisposeAsync();
        }

        foreach (var process in _processes)
        {
            await process.DisposeAsync();
        }

        await Gateway.DisposeAsync();
        await DataSource.DisposeAsync();
    }
}
