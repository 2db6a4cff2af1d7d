using System.Globalization;

namespace Invitations.Benchmarks.EndToEnd;

/// <summary>
/// Where a job's CPU went: user + system time per process, read from /proc before and after a run. The
/// PostgreSQL backends and RabbitMQ are found by name (all of them, including the ones serving other
/// clients, which are idle during a run); a backend that exits during the run is not counted.
/// </summary>
public sealed class CpuMeter(int apiPid, int workerPid)
{
    public const string Api = "Api";
    public const string Worker = "Worker";
    public const string Postgres = "PostgreSQL";
    public const string RabbitMq = "RabbitMQ";
    public const string Benchmark = "benchmark";

    private static readonly double TicksPerSecond = 100; // USER_HZ on Linux

    public static IReadOnlyList<string> Parts { get; } = [Api, Worker, Postgres, RabbitMq, Benchmark];

    public Snapshot Take()
    {
        var byPid = new Dictionary<int, (string Part, double Seconds)>();
        if (!OperatingSystem.IsLinux())
        {
            return new Snapshot(byPid);
        }

        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), NumberStyles.None, CultureInfo.InvariantCulture, out var pid))
            {
                continue;
            }

            try
            {
                var stat = File.ReadAllText(Path.Combine(dir, "stat"));
                var close = stat.LastIndexOf(')');
                var name = stat[(stat.IndexOf('(') + 1)..close];
                var part = pid == apiPid ? Api
                    : pid == workerPid ? Worker
                    : pid == Environment.ProcessId ? Benchmark
                    : name.StartsWith("postgres", StringComparison.Ordinal) ? Postgres
                    : name is "beam.smp" or "erl_child_setup" or "inet_gethost" ? RabbitMq
                    : null;
                if (part is null)
                {
                    continue;
                }

                // Fields after the command: state is field 3, utime 14 and stime 15 (1-based, man 5 proc).
                var fields = stat[(close + 2)..].Split(' ');
                var ticks = double.Parse(fields[11], CultureInfo.InvariantCulture) + double.Parse(fields[12], CultureInfo.InvariantCulture);
                byPid[pid] = (part, ticks / TicksPerSecond);
            }
            catch (IOException)
            {
                // The process ended while we read it.
            }
        }

        return new Snapshot(byPid);
    }

    public sealed class Snapshot(Dictionary<int, (string Part, double Seconds)> byPid)
    {
        private Dictionary<int, (string Part, double Seconds)> ByPid { get; } = byPid;

        /// <summary>CPU seconds each part used since <paramref name="before"/> (processes present in both).</summary>
        public Dictionary<string, double> Since(Snapshot before)
        {
            var used = Parts.ToDictionary(p => p, _ => 0.0);
            foreach (var (pid, (part, seconds)) in ByPid)
            {
                used[part] += seconds - (before.ByPid.TryGetValue(pid, out var earlier) ? earlier.Seconds : 0);
            }

            return used;
        }
    }
}
