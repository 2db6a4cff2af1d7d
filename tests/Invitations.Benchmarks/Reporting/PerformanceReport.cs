using System.Globalization;
using System.Text;
using Invitations.Benchmarks.EndToEnd;

namespace Invitations.Benchmarks.Reporting;

/// <summary>Renders docs/PERFORMANCE.md: the machine, the table, and the ratios the targets are judged by.</summary>
public static class PerformanceReport
{
    /// <summary>Everything from this heading on is written by hand and survives a re-run.</summary>
    public const string NotesHeading = "## Reading these numbers";

    public static string KeepNotes(string report, string? previous)
    {
        var at = previous?.IndexOf(NotesHeading, StringComparison.Ordinal) ?? -1;
        return at < 0 ? report : $"{report}{Environment.NewLine}{previous![at..]}";
    }

    public static string Render(BenchmarkOptions options, Results r)
    {
        var s = new StringBuilder();
        var inv = CultureInfo.InvariantCulture;
        s.AppendLine("# Performance").AppendLine();
        s.AppendLine(inv, $"Measured {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC by `tests/Invitations.Benchmarks` on {Environment.ProcessorCount} cores, ")
            .AppendLine(inv, $"{Environment.OSVersion}, .NET {Environment.Version}; Api, Worker, PostgreSQL and RabbitMQ on the same machine.")
            .AppendLine(inv, $"Medians of {options.Runs} runs. Re-run: `dotnet run -c Release --project tests/Invitations.Benchmarks`.").AppendLine();

        s.AppendLine("## The machine's own ceiling (measured in the same run)").AppendLine();
        s.AppendLine("| what | per second |").AppendLine("| --- | ---: |");
        s.AppendLine(inv, $"| per-dealer transaction (insert + reserve 5 codes, 8 clients) | {r.DatabaseTransactionsPerSecond:F0} |");
        s.AppendLine(inv, $"| bare MassTransit publish → consume (prefetch 64, concurrency 32) | {r.BrokerMessagesPerSecond:F0} |");
        s.AppendLine(inv, $"| ceiling: one message + one transaction per dealer, 1/(1/db + 1/broker) | {r.CeilingDealersPerSecond:F0} |").AppendLine();

        s.AppendLine("## End to end: upload → `BulkInvitationCompleted` on a SignalR client").AppendLine();
        s.AppendLine("| dealers | median s | min s | max s | dealers/s | ÷ ceiling |").AppendLine("| ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var e in r.EndToEnd)
        {
            s.AppendLine(inv, $"| {e.Dealers:N0} | {e.MedianSeconds:F2} | {e.MinSeconds:F2} | {e.MaxSeconds:F2} | {e.DealersPerSecond:F0} | {e.DealersPerSecond / r.CeilingDealersPerSecond:F2} |");
        }

        s.AppendLine().AppendLine("Every run was checked in the database afterwards: N invitations, N × codes handed over, none twice.").AppendLine();
        s.AppendLine("### CPU per dealer, by process (ms, upload to completion)").AppendLine();
        s.AppendLine(inv, $"| dealers | {string.Join(" | ", CpuMeter.Parts)} | total |").AppendLine(inv, $"| ---: |{string.Concat(CpuMeter.Parts.Select(_ => " ---: |"))} ---: |");
        foreach (var e in r.EndToEnd.Where(e => e.CpuMsPerDealer.Count > 0))
        {
            var parts = CpuMeter.Parts.Select(p => e.CpuMsPerDealer.TryGetValue(p, out var ms) ? ms : 0).ToArray();
            s.AppendLine(inv, $"| {e.Dealers:N0} | {string.Join(" | ", parts.Select(ms => ms.ToString("F2", inv)))} | {parts.Sum():F2} |");
        }

        s.AppendLine().AppendLine(inv, $"On {Environment.ProcessorCount} cores, 1,000 dealers/s leaves at most {Environment.ProcessorCount} ms of CPU per dealer, all processes together.").AppendLine();
        s.AppendLine("## Upload").AppendLine();
        s.AppendLine("| what | value |").AppendLine("| --- | ---: |");
        s.AppendLine(inv, $"| accept 2,000 rows, p50 | {r.AcceptP50Ms:F0} ms |");
        s.AppendLine(inv, $"| accept 2,000 rows, p95 | {r.AcceptP95Ms:F0} ms |");
        s.AppendLine(inv, $"| Api peak RSS over those uploads | {r.ApiPeakRssMb:F0} MB |");
        foreach (var (rows, ms) in r.DryRunMs)
        {
            s.AppendLine(inv, $"| dry run (parse + validate + code check) {rows:N0} rows | {ms:F0} ms |");
        }

        s.AppendLine().AppendLine("## Against the older design (RabbitMQ consumer → one Hangfire job per dealer, progress row polled)").AppendLine();
        s.AppendLine("| dealers | older design dealers/s | ours dealers/s | ours ÷ older |").AppendLine("| ---: | ---: | ---: | ---: |");
        foreach (var (size, peer) in r.PeerDealersPerSecond)
        {
            var ours = r.EndToEnd.FirstOrDefault(e => e.Dealers == size)?.DealersPerSecond ?? double.NaN;
            s.AppendLine(inv, $"| {size:N0} | {peer:F1} | {ours:F0} | {ours / peer:F1} |");
        }

        return s.ToString();
    }
}
