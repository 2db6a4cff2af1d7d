namespace Invitations.Benchmarks.Reporting;

/// <summary>What one benchmark run measured (medians unless the name says otherwise).</summary>
public sealed class Results
{
    public double DatabaseTransactionsPerSecond { get; set; }
    public double BrokerMessagesPerSecond { get; set; }

    /// <summary>One message plus one transaction per dealer: 1 / (1/db + 1/broker).</summary>
    public double CeilingDealersPerSecond => 1 / ((1 / DatabaseTransactionsPerSecond) + (1 / BrokerMessagesPerSecond));

    public List<EndToEndResult> EndToEnd { get; } = [];
    public double AcceptP50Ms { get; set; }
    public double AcceptP95Ms { get; set; }
    public double ApiPeakRssMb { get; set; }
    public Dictionary<int, double> DryRunMs { get; } = [];
    public Dictionary<int, double> PeerDealersPerSecond { get; } = [];
}

public sealed record EndToEndResult(int Dealers, double MedianSeconds, double MinSeconds, double MaxSeconds)
{
    public double DealersPerSecond => Dealers / MedianSeconds;

    /// <summary>CPU milliseconds per dealer by process, from the upload to the completion, over all runs.</summary>
    public IReadOnlyDictionary<string, double> CpuMsPerDealer { get; init; } = new Dictionary<string, double>();
}
