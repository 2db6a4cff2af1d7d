using Invitations.Benchmarks;
using Invitations.Benchmarks.Reporting;
using Invitations.Testing;

// One command: dotnet run -c Release --project tests/Invitations.Benchmarks [-- --runs 3 --sizes 10,100,500,2000,10000]
// against the PostgreSQL and RabbitMQ that deploy/local/infra.sh starts (a database and vhost of its own).
var options = BenchmarkOptions.Parse(args);
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

if (options.Steps.Contains("peer"))
{
    await steps.MeasurePeerAsync();
}

var report = PerformanceReport.Render(options, results);
Console.WriteLine(report);
var output = Path.GetFullPath(options.Output);
await File.WriteAllTextAsync(output, PerformanceReport.KeepNotes(report, File.Exists(output) ? await File.ReadAllTextAsync(output) : null));
Console.WriteLine($"written to {output}");
