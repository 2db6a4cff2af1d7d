using Invitations.Benchmarks.Ceiling;
using Invitations.Benchmarks.EndToEnd;
using Invitations.Benchmarks.Peer;
using Invitations.Benchmarks.Reporting;
using Invitations.Testing;
using Invitations.Testing.Sponsors;

namespace Invitations.Benchmarks;

public sealed class BenchmarkSteps(TestInfrastructure infrastructure, BenchmarkOptions options, Results results)
{
    private const int DryRunLargeRows = 50_000;

    public async Task MeasureCeilingAsync()
    {
        await using var dataSource = infrastructure.CreateDataSource();
        var db = new List<double>();
        var broker = new List<double>();
        for (var run = 0; run < options.Runs; run++)
        {
            db.Add(await DatabaseCeiling.MeasureAsync(dataSource, transactions: 5_000, clients: 8));
            broker.Add(await BrokerCeiling.MeasureAsync(infrastructure.RabbitMqUri, messages: 20_000));
            Log($"ceiling run {run + 1}: {db[^1]:F0} transactions/s, {broker[^1]:F0} messages/s");
        }

        results.DatabaseTransactionsPerSecond = Stats.Median(db);
        results.BrokerMessagesPerSecond = Stats.Median(broker);
    }

    public async Task MeasureServiceAsync()
    {
        var settings = ServiceSettings();
        await using var api = ServiceProcess.Api(infrastructure, settings);
        await using var worker = ServiceProcess.Worker(infrastructure, settings);
        await Task.WhenAll(api.StartAsync(), worker.StartAsync());

        var sponsor = TestIds.NewSponsorId();
        var needed = (options.Sizes.Sum() * options.Runs) + ((options.AcceptRuns + 1) * 2_000) + 1_000;
        await SponsorClient.IssueCodesAsync(api.BaseAddress, sponsor, "M", needed);
        await using var client = await SponsorClient.ConnectAsync(api.BaseAddress, sponsor);
        await using var dataSource = infrastructure.CreateDataSource();

        // Accept latency first, on a fresh Api, so its peak RSS is the upload's. One untimed upload first:
        // a production Api is warm, and the first request pays for JIT compilation (about 1.5 s here).
        var (warmUp, _) = await client.UploadAsync(DealerFile.Create(2_000));
        await client.CompletionAsync(warmUp).WaitAsync(TimeSpan.FromMinutes(5));
        var accepts = new List<double>();
        for (var run = 0; run < options.AcceptRuns; run++)
        {
            var (jobId, accept) = await client.UploadAsync(DealerFile.Create(2_000));
            accepts.Add(accept.TotalMilliseconds);
            await client.CompletionAsync(jobId).WaitAsync(TimeSpan.FromMinutes(5));
        }

        results.AcceptP50Ms = Stats.Median(accepts);
        results.AcceptP95Ms = Stats.Percentile(accepts, 95);
        results.ApiPeakRssMb = PeakRssMb(api.ProcessId);
        foreach (var line in api.Output.Where(l => l.Contains("parsed in", StringComparison.Ordinal) || l.Contains("committed in", StringComparison.Ordinal)))
        {
            Log($"  api: {line}");
        }

        Log($"accept 2,000 rows: p50 {results.AcceptP50Ms:F0} ms, p95 {results.AcceptP95Ms:F0} ms, Api peak RSS {results.ApiPeakRssMb:F0} MB");

        var cpu = new CpuMeter(api.ProcessId, worker.ProcessId);
        foreach (var size in options.Sizes)
        {
            var seconds = new List<double>();
            var cpuUsed = CpuMeter.Parts.ToDictionary(p => p, _ => 0.0);
            for (var run = 0; run < options.Runs; run++)
            {
                var file = DealerFile.Create(size);

                // The file's garbage is collected now, not inside the measured window.
                GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
                GC.WaitForPendingFinalizers();
                var before = cpu.Take();
                var started = DateTimeOffset.UtcNow;
                var (jobId, accept) = await client.UploadAsync(file);
                var completed = await client.CompletionAsync(jobId).WaitAsync(TimeSpan.FromMinutes(10));
                seconds.Add((completed - started).TotalSeconds);
                foreach (var (part, used) in cpu.Take().Since(before))
                {
                    cpuUsed[part] += used;
                }

                await JobVerifier.VerifyAsync(dataSource, jobId, size, codesPerDealer: 1);
                Log($"end to end {size} dealers run {run + 1}: {seconds[^1]:F2} s");
                Log($"  {await JobPhases.DescribeAsync(dataSource, jobId, started, accept, completed)}");
            }

            var perDealerMs = cpuUsed.ToDictionary(p => p.Key, p => p.Value * 1000 / (size * (double)options.Runs));
            Log($"  CPU per dealer: {string.Join(", ", perDealerMs.Select(p => $"{p.Key} {p.Value:F2} ms"))}");
            results.EndToEnd.Add(new EndToEndResult(size, Stats.Median(seconds), seconds.Min(), seconds.Max()) { CpuMsPerDealer = perDealerMs });
        }

        await MeasureDryRunsAsync(client);
    }

    /// <summary>The dry runs alone (<c>--steps upload</c>): an Api of its own, no Worker, no jobs.</summary>
    public async Task MeasureUploadAsync()
    {
        await using var api = ServiceProcess.Api(infrastructure, ServiceSettings());
        await api.StartAsync();
        var sponsor = TestIds.NewSponsorId();
        await SponsorClient.IssueCodesAsync(api.BaseAddress, sponsor, "M", 1_000);
        await using var client = await SponsorClient.ConnectAsync(api.BaseAddress, sponsor);

        // One untimed dry run first: the first request pays for JIT compilation.
        await client.UploadAsync(DealerFile.Create(2_000), dryRun: true);
        await MeasureDryRunsAsync(client);
    }

    public async Task MeasurePeerAsync()
    {
        await using var dataSource = infrastructure.CreateDataSource();
        await using var peer = new HangfirePeer(dataSource, infrastructure.ConnectionString, infrastructure.RabbitMqUri);
        await peer.StartAsync(options.PeerSizes.Sum() * options.Runs);
        foreach (var size in options.PeerSizes)
        {
            var seconds = new List<double>();
            for (var run = 0; run < options.Runs; run++)
            {
                seconds.Add((await peer.RunJobAsync(size)).TotalSeconds);
                Log($"older design (Hangfire) {size} dealers run {run + 1}: {seconds[^1]:F2} s");
            }

            results.PeerDealersPerSecond[size] = size / Stats.Median(seconds);
        }
    }

    private static Dictionary<string, string?> ServiceSettings() => new()
    {
        ["Uploads:MaxRows"] = DryRunLargeRows.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Uploads:MaxFileBytes"] = (64 * 1024 * 1024).ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Uploads:RateLimitPermits"] = "100000",
        ["Sms:Provider"] = "Log",
        ["Sms:AllowLogProvider"] = "true",
        ["Logging:LogLevel:Default"] = "Warning",
        ["Logging:LogLevel:Invitations.Api.Uploads"] = "Information",
    };

    private async Task MeasureDryRunsAsync(SponsorClient client)
    {
        foreach (var rows in new[] { 2_000, DryRunLargeRows })
        {
            var file = DealerFile.Create(rows);
            var times = new List<double>();
            for (var run = 0; run < options.Runs; run++)
            {
                times.Add((await client.UploadAsync(file, dryRun: true)).Accept.TotalMilliseconds);
            }

            results.DryRunMs[rows] = Stats.Median(times);
            Log($"dry run (parse + validate + code check) {rows} rows: {results.DryRunMs[rows]:F0} ms");
        }
    }

    private static double PeakRssMb(int pid)
    {
        // VmHWM: the process's peak resident set size since it started.
        var line = File.ReadLines($"/proc/{pid}/status").First(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
        var kb = double.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture);
        return kb / 1024;
    }

    private static void Log(string message) => Console.WriteLine($"[bench {DateTime.UtcNow:HH:mm:ss}] {message}");
}
