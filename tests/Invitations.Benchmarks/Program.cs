using Invitations.Benchmarks;
using Invitations.Benchmarks.Gateway;
using Invitations.Benchmarks.Readers;
using Invitations.Benchmarks.Reporting;
using Invitations.Testing;

// One command: dotnet run -c Release --project tests/Invitations.Benchmarks [-- --runs 3 --sizes 10,100,500,2000,10000]
// The dry runs alone: [-- --steps upload]. The upload readers compared (no servers): [-- --steps readers]. The real-gateway scenario alone: [-- --steps gateway --gateway-runs 1 --gateway-rate 100 --gateway-batch 10]
// against the PostgreSQL and RabbitMQ that deploy/local/infra.sh starts (a database and vhost of its own).
if (args is [ReaderChild.Flag, ..])
{
    // One read of the readers' comparison, in a process of its own (Readers/ReaderComparison).
    ReaderChild.Run(args[1..]);
    return;
}

var options = BenchmarkOptions.Parse(args);
if (options.Steps is ["readers"])
{
    // The readers' comparison needs no servers; it rewrites its own section of docs/PERFORMANCE.md.
    var folder = Path.Combine(Path.GetTempPath(), $"invitations-readers-{Environment.ProcessId}");
    var cases = ReaderCases.Write(folder, Environment.GetEnvironmentVariable("INVITATIONS_TEST_CORPUS") ?? "artifacts/corpus");
    var section = ReaderReport.Render(await ReaderComparison.RunAsync(cases));
    Directory.Delete(folder, recursive: true);
    Console.WriteLine(section);
    var document = Path.GetFullPath(options.Output);
    await File.WriteAllTextAsync(document, ReaderReport.Replace(File.Exists(document) ? await File.ReadAllTextAsync(document) : string.Empty, section));
    Console.WriteLine($"written to {document}");
    return;
}


await using var infrastructure = await TestInfrastructure.StartAsync("bench");
var results = new Results();
var steps = new BenchmarkSteps(infrastructure, options, results);

if (options.Steps.Contains("ceiling"))
{
    await steps.MeasureCeilingAsync();
}

if (options.Steps.Contains("service"))
{
    await steps.MeasureServiceAsync();
}

if (options.Steps.Contains("upload"))
{
    // The dry runs alone; their lines are printed (the full report needs the other steps).
    await steps.MeasureUploadAsync();
    if (options.Steps.All(s => s == "upload"))
    {
        return;
    }
}

if (options.Steps.Contains("peer"))
{
    await steps.MeasurePeerAsync();
}

if (options.Steps.Contains("gateway"))
{
    // The real-gateway scenario; its table is printed (and kept by hand in the notes of docs/PERFORMANCE.md).
    var gateway = await new GatewayScenario(infrastructure).MeasureAsync(options.GatewayRuns, options.GatewayRate, options.GatewayBatchSize);
    Console.WriteLine(GatewayReport.Render(gateway, options.GatewayRate));
    if (options.Steps.All(s => s == "gateway"))
    {
        return;
    }
}

var report = PerformanceReport.Render(options, results);
Console.WriteLine(report);
var output = Path.GetFullPath(options.Output);
await File.WriteAllTextAsync(output, PerformanceReport.KeepNotes(report, File.Exists(output) ? await File.ReadAllTextAsync(output) : null));
Console.WriteLine($"written to {output}");
