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

    public Task<JsonElement> WaitUntilProcessedAsync(Guid jobId, int atLeast) =>
        Client.WaitForStatusAsync(jobId, s => s.GetProperty("processedDealers").GetInt32() >= atLeast, TimeSpan.FromSeconds(60));

    public Task<JsonElement> WaitUntilFinalAsync(Guid jobId, TimeSpan? timeout = null) =>
        Client.WaitForStatusAsync(jobId, s => FinalStates.Contains(s.GetProperty("status").GetString()), timeout ?? TimeSpan.FromSeconds(90));

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
