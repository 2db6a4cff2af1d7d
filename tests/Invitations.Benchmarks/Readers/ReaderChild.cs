extern alias InvitationsApi;

using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using InvitationsApi::Invitations.Api.Uploads;
using InvitationsApi::Invitations.Api.Uploads.Parsing;

namespace Invitations.Benchmarks.Readers;

/// <summary>
/// One reader on one file, in a process of its own (<c>--read-one reader path maxRows repeat</c>), so that a library's
/// stack overflow or runaway memory ends this process, not the comparison. Prints one <c>RESULT {json}</c> line.
/// </summary>
public static class ReaderChild
{
    public const string Flag = "--read-one";
    public const string Marker = "RESULT ";

    public static void Run(string[] args)
    {
        var (reader, path) = (args[0], args[1]);
        var maxRows = int.Parse(args[2], CultureInfo.InvariantCulture);
        var repeat = int.Parse(args[3], CultureInfo.InvariantCulture);
        var file = File.ReadAllBytes(path);
        var extension = Path.GetExtension(path).ToLowerInvariant();
        ReaderResult result;
        var total = Stopwatch.StartNew();
        try
        {
            // Warm runs first when asked (JIT), then the timed ones; hostile files are read once.
            var times = new List<double>();
            long allocated = 0;
            IReadOnlyList<SheetRow> rows = [];
            for (var run = 0; run <= repeat; run++)
            {
                var before = GC.GetAllocatedBytesForCurrentThread();
                var watch = Stopwatch.StartNew();
                rows = LibraryReaders.Read(reader, file, extension, maxRows);
                times.Add(watch.Elapsed.TotalMilliseconds);
                allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            }

            var dealers = SheetMapper.Map(new RawSheet(rows), new UploadRequestOptions { UseRowSpecificCounts = true }).Rows;
            result = new ReaderResult("read", dealers.Count, string.Join('|', dealers.Select(d => d.Email.Trim().ToLowerInvariant())),
                Median(repeat == 0 ? times : times.Skip(1).ToList()), allocated / 1048576.0, PeakRssMb(), null);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            var message = ex is UploadRejectedException rejected ? $"{rejected.DetailKey} {string.Join(' ', rejected.Args)}" : $"{ex.GetType().Name}: {ex.Message}";
            result = new ReaderResult("refused", 0, string.Empty, total.Elapsed.TotalMilliseconds, 0, PeakRssMb(), message.Length <= 90 ? message : message[..90]);
        }

        Console.WriteLine(Marker + JsonSerializer.Serialize(result));
    }

    private static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);

    private static double PeakRssMb()
    {
        var line = File.ReadLines("/proc/self/status").First(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
        return double.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024;
    }
}
