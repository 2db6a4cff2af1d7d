using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Invitations.System.Tests.Support;
using Invitations.Testing;
using Invitations.Testing.Sms;
using Invitations.Testing.Sponsors;
using Npgsql;

namespace Invitations.System.Tests.Faults;

/// <summary>
/// The Api and Worker(s) as Release processes, configured as <c>appsettings.json</c> ships them plus addresses
/// (database, broker, the SMS gateway stub with the HTTP provider): no timing of the product is tuned here, so
/// every case proves the shipped defaults. The Workers reach PostgreSQL and RabbitMQ through proxies a case can cut.
/// </summary>
public sealed class FaultRig : IAsyncDisposable
{
    /// <summary>A job big enough to still be running when a case's fault comes after its first 40 dealers.</summary>
    public const int MidJobDealers = 2000;

    /// <summary>The promise under test: a job is final within this long after its fault ended.</summary>
    public static readonly TimeSpan FinalAfterFault = TimeSpan.FromMinutes(2);

    private static readonly string[] FinalStates = ["Completed", "PartialSuccess", "Failed", "Cancelled"];
    private readonly List<ServiceProcess> _processes = [];
    private readonly Dictionary<string, string?> _settings;
    private readonly WorkerSupervisor _supervisor;

    private FaultRig(TestInfrastructure infrastructure, TcpProxy database, TcpProxy broker, SmsGatewayStub stub, bool keyHonoured, Dictionary<string, string?> settings)
    {
        Infrastructure = infrastructure;
        DataSource = infrastructure.CreateDataSource();
        Database = database;
        Broker = broker;
        Stub = stub;
        KeyHonoured = keyHonoured;
        _settings = settings;
        _supervisor = new WorkerSupervisor(StartWorkerAsync);
    }

    /// <summary>
    /// The case's own database and virtual host: a job an earlier case left stuck must not be finished (or swept)
    /// by this case's Workers, nor its dead letters counted here.
    /// </summary>
    public TestInfrastructure Infrastructure { get; }

    public TcpProxy Database { get; }
    public TcpProxy Broker { get; }
    public SmsGatewayStub Stub { get; }

    /// <summary>Whether the stub honours the Idempotency-Key (exactly one SMS per dealer) or ignores it.</summary>
    public bool KeyHonoured { get; }

    public ServiceProcess Api { get; private set; } = null!;
    public List<ServiceProcess> Workers { get; } = [];
    public ServiceProcess Worker => Workers[^1];
    public long SponsorId { get; } = TestIds.NewSponsorId();
    public SponsorClient Client { get; private set; } = null!;
    public NpgsqlDataSource DataSource { get; }
    public int CodesIssued { get; private set; }


    /// <summary>Jobs of other sponsors through this rig: their dealers' SMS go through the same gateway.</summary>
    public List<Guid> OtherSponsorsJobs { get; } = [];

    /// <summary>Every line any process of the rig wrote.</summary>
    public IEnumerable<string> Output => _processes.SelectMany(p => p.Output).Concat(Stub.Output);

    /// <summary>
    /// Starts the stub, the Api and <paramref name="workers"/> Workers. <paramref name="extra"/> is for what is not a
    /// product timing: log levels, the Testing-only crash hook.
    /// </summary>
    public static async Task<FaultRig> StartAsync(
        bool keyHonoured = true, int workers = 1, IReadOnlyDictionary<string, string?>? extra = null, params (string Name, object Value)[] stubOptions)
    {
        var infrastructure = await TestInfrastructure.StartAsync("fault");
        var database = new TcpProxy(new NpgsqlConnectionStringBuilder(infrastructure.ConnectionString).Port);
        var rabbit = new Uri(infrastructure.RabbitMqUri);
        var broker = new TcpProxy(rabbit.Port);
        var stub = await SmsGatewayStub.StartAsync(keyHonoured, stubOptions);
        var settings = new Dictionary<string, string?>(stub.WorkerSettings)
        {
            ["ConnectionStrings:Invitations"] = new NpgsqlConnectionStringBuilder(infrastructure.ConnectionString) { Port = database.Port }.ConnectionString,
            ["RabbitMq:Uri"] = new UriBuilder(rabbit) { Port = broker.Port }.Uri.ToString(),
        };
        foreach (var (key, value) in extra ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        var rig = new FaultRig(infrastructure, database, broker, stub, keyHonoured, settings);
        await rig.StartApiAsync();
        await Task.WhenAll(Enumerable.Range(0, workers).Select(_ => rig.StartWorkerAsync()));
        rig._supervisor.Start();
        return rig;
    }

    /// <summary>Workers the rig's supervisor replaced because they failed their liveness check.</summary>
    public int SupervisorRestarts => _supervisor.Restarts;

    /// <summary>Starts an Api (the first, or one replacing a killed one) and connects the sponsor to it.</summary>
    public async Task StartApiAsync()
    {
        if (Client is not null)
        {
            await Client.DisposeAsync();
        }

        // The Api reaches the servers directly, with the SMS settings the Worker has (configuration is shared).
        Api = ServiceProcess.Api(Infrastructure, _settings.Where(s => s.Key.StartsWith("Sms:", StringComparison.Ordinal)).ToDictionary());
        _processes.Add(Api);
        await Api.StartAsync();
        Client = await SponsorClient.ConnectAsync(Api.BaseAddress, SponsorId);
    }

    /// <summary>Starts a Worker with the rig's settings, minus those named (a fault the next Worker should not have).</summary>
    public async Task StartWorkerAsync(params string[] withoutSettings)
    {
        var worker = ServiceProcess.Worker(Infrastructure, _settings.Where(s => !withoutSettings.Contains(s.Key)).ToDictionary());
        lock (Workers)
        {
            Workers.Add(worker);
            _processes.Add(worker);
        }

        await worker.StartAsync();
        _supervisor.Watch(worker, withoutSettings);
    }

    public async Task IssueCodesAsync(int count)
    {
        await SponsorClient.IssueCodesAsync(Api.BaseAddress, SponsorId, "M", count);
        CodesIssued += count;
    }

    public async Task<Guid> UploadAsync(int dealers)
    {
        await IssueCodesAsync(dealers);
        try
        {
            return (await Client.UploadAsync(DealerFile.Create(dealers))).JobId;
        }
        catch (InvalidOperationException ex)
        {
            throw new InvalidOperationException($"{ex.Message}\nthe Api's last lines:\n{Api.Tail(60)}", ex);
        }
    }

    /// <summary>The job's rows still without an outcome, read directly (not through the rig's proxies).</summary>
    public async Task<long> RowsLeftAsync(Guid jobId)
    {
        await using var command = DataSource.CreateCommand("SELECT count(*) FROM bulk_invitation_rows WHERE job_id = $1 AND status = 'Pending'");
        command.Parameters.AddWithValue(jobId);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>
    /// Waits until at least <paramref name="atLeast"/> of the job's rows have their outcome, read from the rows
    /// themselves every 50 ms: the saga's counter (the status's <c>processedDealers</c>) follows the outcomes in
    /// batches, and with a fast gateway two Workers had done every row by the time it showed 40, so the fault came
    /// after the job instead of during it.
    /// </summary>
    public async Task WaitUntilProcessedAsync(Guid jobId, int atLeast)
    {
        var deadline = Stopwatch.StartNew();
        while (await RowsDoneAsync(jobId) < atLeast)
        {
            if (deadline.Elapsed > TimeSpan.FromSeconds(90))
            {
                throw new TimeoutException($"job {jobId}: fewer than {atLeast} rows had an outcome after 90 s");
            }

            await Task.Delay(50);
        }
    }

    private async Task<long> RowsDoneAsync(Guid jobId)
    {
        await using var command = DataSource.CreateCommand("SELECT count(*) FROM bulk_invitation_rows WHERE job_id = $1 AND status <> 'Pending'");
        command.Parameters.AddWithValue(jobId);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>
    /// Waits for a final state, or gives the last status seen after <paramref name="timeout"/> (null: none could be
    /// read). Right after a restart the Api's pooled connections are dead: a poll may fail and is tried again.
    /// </summary>
    public async Task<(bool Final, string? Status)> WaitUntilFinalAsync(Guid jobId, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        string? last = null;
        while (true)
        {
            try
            {
                var status = await Client.StatusAsync(jobId);
                last = status.ToString();
                if (FinalStates.Contains(status.GetProperty("status").GetString()))
                {
                    return (true, last);
                }
            }
            catch (HttpRequestException ex) when (ex.StatusCode is null or >= HttpStatusCode.InternalServerError)
            {
            }

            if (clock.Elapsed > timeout)
            {
                return (false, last);
            }

            await Task.Delay(200);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _supervisor.DisposeAsync();
        await Client.DisposeAsync();
        foreach (var process in _processes)
        {
            await process.DisposeAsync();
        }

        await Stub.DisposeAsync();
        await Database.DisposeAsync();
        await Broker.DisposeAsync();
        await DataSource.DisposeAsync();
        await Infrastructure.DisposeAsync();
    }
}
