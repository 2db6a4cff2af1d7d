using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace Invitations.Benchmarks.Readers;

/// <summary>
/// <c>--steps readers</c>: every reader on every case, each read in a child process with a timeout, so a crash or a
/// runaway read is recorded as such. Runs one child at a time: the machine is small and the timings are the point.
/// </summary>
public static class ReaderComparison
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);

    public static async Task<List<(ReaderCase Case, string Reader, ReaderResult Result)>> RunAsync(IReadOnlyList<ReaderCase> cases)
    {
        var results = new List<(ReaderCase, string, ReaderResult)>();
        foreach (var c in cases)
        {
            foreach (var reader in LibraryReaders.Names)
            {
                var result = await ReadInChildAsync(reader, c.Path, c.MaxRows, c.Repeat);
                results.Add((c, reader, result));
                Console.WriteLine($"[readers] {c.Name} / {reader}: {result.Outcome} {result.Dealers} dealers {result.Milliseconds:F1} ms {result.Message}");
            }
        }

        return results;
    }

    public static async Task<ReaderResult> ReadInChildAsync(string reader, string path, int maxRows, int repeat)
    {
        var info = new ProcessStartInfo(Environment.ProcessPath!)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        // Under `dotnet run` this is the apphost; under `dotnet x.dll`, dotnet itself, which needs the dll named.
        if (Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet")
        {
            info.ArgumentList.Add(typeof(ReaderChild).Assembly.Location);
        }

        foreach (var arg in new[] { ReaderChild.Flag, reader, path, maxRows.ToString(CultureInfo.InvariantCulture), repeat.ToString(CultureInfo.InvariantCulture) })
        {
            info.ArgumentList.Add(arg);
        }

        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(Timeout);
        var watch = Stopwatch.StartNew();
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            return new ReaderResult("ran long", 0, string.Empty, watch.Elapsed.TotalMilliseconds, 0, 0, $"killed after {Timeout.TotalSeconds:F0} s");
        }

        var line = (await output).Split('\n').FirstOrDefault(l => l.StartsWith(ReaderChild.Marker, StringComparison.Ordinal));
        if (line is not null)
        {
            return JsonSerializer.Deserialize<ReaderResult>(line[ReaderChild.Marker.Length..])!;
        }

        var last = (await error).Split('\n', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? string.Empty;
        return new ReaderResult("crashed", 0, string.Empty, watch.Elapsed.TotalMilliseconds, 0, 0,
            $"exit {process.ExitCode}: {(last.Length <= 60 ? last : last[..60])}");
    }
}
