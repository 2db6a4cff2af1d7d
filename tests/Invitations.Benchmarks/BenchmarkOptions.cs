using System.Globalization;

namespace Invitations.Benchmarks;

public sealed record BenchmarkOptions
{
    public int Runs { get; init; } = 3;
    public IReadOnlyList<int> Sizes { get; init; } = [10, 100, 500, 2_000, 10_000];
    public int AcceptRuns { get; init; } = 5;
    public IReadOnlyList<int> PeerSizes { get; init; } = [100, 2_000];
    public string Output { get; init; } = "docs/PERFORMANCE.md";
    public IReadOnlyList<string> Steps { get; init; } = ["ceiling", "service", "peer"];

    /// <summary>The gateway scenario (<c>--steps gateway</c>): runs per mode, the Workers' rate setting, the batch size.</summary>
    public int GatewayRuns { get; init; } = 1;
    public double GatewayRate { get; init; } = 100;
    public int GatewayBatchSize { get; init; } = 10;

    public static BenchmarkOptions Parse(string[] args)
    {
        var options = new BenchmarkOptions();
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            var value = args[i + 1];
            options = args[i] switch
            {
                "--runs" => options with { Runs = int.Parse(value, CultureInfo.InvariantCulture) },
                "--sizes" => options with { Sizes = Ints(value) },
                "--accept-runs" => options with { AcceptRuns = int.Parse(value, CultureInfo.InvariantCulture) },
                "--peer-sizes" => options with { PeerSizes = Ints(value) },
                "--output" => options with { Output = value },
                "--steps" => options with { Steps = value.Split(',') },
                "--gateway-runs" => options with { GatewayRuns = int.Parse(value, CultureInfo.InvariantCulture) },
                "--gateway-rate" => options with { GatewayRate = double.Parse(value, CultureInfo.InvariantCulture) },
                "--gateway-batch" => options with { GatewayBatchSize = int.Parse(value, CultureInfo.InvariantCulture) },
                _ => throw new ArgumentException($"unknown option {args[i]}; options: --runs --sizes --accept-runs --peer-sizes --output --steps --gateway-runs --gateway-rate --gateway-batch"),
            };
        }

        return options;
    }

    private static int[] Ints(string value) => value.Split(',').Select(v => int.Parse(v, CultureInfo.InvariantCulture)).ToArray();
}
