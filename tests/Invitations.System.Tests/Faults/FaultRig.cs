using System.Text.Json;
using Invitations.System.Tests.Support;
using Invitations.Testing;
using Invitations.Testing.Sponsors;
using Npgsql;

namespace Invitations.System.Tests.Faults;

/// <summary>
/// One Api and one Worker as processes, the Worker reaching PostgreSQL and RabbitMQ through proxies the
/// test can cut. Short retry and redelivery intervals, so a fault case ends within a minute.
/// </summary>
public sealed class FaultRig : IAsyncDisposable
{
    private static readonly string[] FinalStates = ["Completed", "PartialSuccess", "Failed", "Cancelled"];
    private readonly List<ServiceProcess> _processes = [];
    private readonly Dictionary<string, string?> _workerSettings;

    private FaultRig(TcpProxy database, TcpProxy broker, ServiceProcess api, Dictionary<string, string?> workerSettings)
    {
        Database = database;
        Broker = broker;
        Api = api;
        _workerSettings = workerSettings;
        _processes.Add(api);
    }

    /// <summary>
    /// A job big enough to still be running when a case's fault comes after its first 40 dealers (a Worker does
    /// about 2,000 a second here); each such case also checks that rows were waiting when the fault came.
    /// </summary>
    public const int MidJobDealers = 2000;

    public TcpProxy Database { get; }
    public TcpProxy Broker { get; }
    public ServiceProcess Api { get; }
    public ServiceProcess Worker { get; private set; } = null!;
    public long SponsorId { get; } = TestIds.NewSponsorId();
    public SponsorClient Client { get; private set; } = null!;
    public NpgsqlDataSource DataSource { get; } = TestRun.Infrastructure.CreateDataSource();
    public int CodesIssued { get; private set; }

    /// <summary>Every line any process of the rig wrote.</summary>
    public IEnumerable<string> Output => _processes.SelectMany(p => p.Output);

    public static async Task<FaultRig> StartAsync(IReadOnlyDictionary<string, string?>? workerSettings = null)
    {
        var infrastructure = TestRun.Infrastructure;
        var database = new TcpProxy(new NpgsqlConnectionStringBuilder(infrastructure.ConnectionString).Port);
        var rabbit = new Uri(infrastructure.RabbitMqUri);
        var broker = new TcpProxy(rabbit.Port);
        var settings = new Dictionary<string, string?>
        {
            ["ConnectionStrings:Invitations"] = new NpgsqlConnectionStringBuilder(infrastructure.ConnectionString) { Port = database.Port }.ConnectionString,
            ["RabbitMq:Uri"] = new UriBuilder(rabbit) { Port = broker.Port }.Uri.ToString(),
            ["Sms:Provider"] = "Log",
            ["Dealers:RetryLimit"] = "3",
            ["Dealers:RetryMinInterval"] = "00:00:00.100",
            ["Dealers:RetryMaxInterval"] = "00:00:01",
            ["Dealers:RedeliveryIntervals"] = "00:00:02,00:00:05,00:00:10,00:00:20",
            ["Saga:StallTimeout"] = "00:00:15",
            ["Scheduler:PollInterval"] = "00:00:00.200",
            ["RabbitMq:ConsumeDeadline"] = "00:00:20",
        };
        foreach (var (key, value) in workerSettings ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        var api = ServiceProcess.Api(infrastructure);
        var rig = new FaultRig(database, broker, api, settings);
        await api.StartAsync();
        await rig.StartWorkerAsync();
        rig.Client = await SponsorClient.ConnectAsync(api.BaseAddress, rig.SponsorId);
        return rig;
    }

    /// <summary>Starts a Worker with the rig's settings, minus those named (a fault the next Worker should not have).</summary>
    public async Task StartWorkerAsync(params string[] withoutSettings)
    {
        var settings = _workerSettings.Where(s => !withoutSettings.Contains(s.Key)).ToDictionary();
        Worker = ServiceProcess.Worker(TestRun.Infrastructure, settings);
        _processes.Add(Worker);
        await Worker.StartAsync();
    }

    public async Task<Guid> UploadAsync(int dealers)
    {
        await SponsorClient.IssueCodesAsync(Api.BaseAddress, SponsorId, "M", dealers);
        CodesIssued += dealers;
        return (await Client.UploadAsync(DealerFile.Create(dealers))).JobId;
    }

    /// <summary>The job's rows still without an outcome, read directly (not through the rig's proxies).</summary>
    public async Task<long> RowsLeftAsync(Guid jobId)
    {
        await using var command = DataSource.CreateCommand("SELECT count(*) FROM bulk_invitation_rows WHERE job_id = $1 AND status = 'Pending'");
        command.Parameters.AddWithValue(jobId);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    public Task<JsonElement> WaitUntilProcessedAsync(Guid jobId, int atLeast) =>
        Client.WaitForStatusAsync(jobId, s => s.GetProperty("processedDealers").GetInt32() >= atLeast, TimeSpan.FromSeconds(60));

    public Task<JsonElement> WaitUntilFinalAsync(Guid jobId, TimeSpan? timeout = null) =>
        Client.WaitForStatusAsync(jobId, s => FinalStates.Contains(s.GetProperty("status").GetString()), timeout ?? TimeSpan.FromSeconds(90));

    /// <summary>
    /// What a stuck job looks like from outside: the saga row, its last timeline entries, its rows by status, the
    /// scheduler's table and the broker's queues, then the processes' last lines. Printed when a case times out.
    /// </summary>
    public async Task<string> DescribeAsync(Guid jobId)
    {
        var text = new global::System.Text.StringBuilder();
        async Task QueryAsync(string title, string sql)
        {
            text.AppendLine($"-- {title}");
            try
            {
                await using var command = DataSource.CreateCommand(sql);
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
        text.AppendLine(await LocalServers.DescribeQueuesAsync());
        var file = Path.Combine(TestContext.CurrentContext.WorkDirectory, $"rig-{jobId:N}.log");
        await File.WriteAllLinesAsync(file, Output);
        TestContext.AddTestAttachment(file, "every line of the rig's processes");
        text.AppendLine($"-- processes (all lines in {file}; here the last 200 about endpoints, connections and faults, repeats dropped)");
        text.AppendLine(string.Join('\n', Notable(Output).TakeLast(200)));
        return text.ToString();
    }

    /// <summary>The lines that tell how the transports fared: not every message and SMS, and each repeat only once.</summary>
    private static IEnumerable<string> Notable(IEnumerable<string> lines)
    {
        string? previous = null;
        foreach (var line in lines)
        {
            if (line.Contains(" RECEIVE ", StringComparison.Ordinal) || line.Contains(" SEND ", StringComparison.Ordinal)
                || line.Contains("LogSmsSender", StringComparison.Ordinal))
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

    public Task AssertInvariantsAsync(Guid jobId) => JobInvariants.AssertHoldAsync(DataSource, jobId, SponsorId, CodesIssued);

    public async ValueTask DisposeAsync()
    {
        await Client.DisposeAsync();
        foreach (var process in _processes)
        {
            await process.DisposeAsync();
        }

        await Database.DisposeAsync();
        await Broker.DisposeAsync();
        await DataSource.DisposeAsync();
    }
}
