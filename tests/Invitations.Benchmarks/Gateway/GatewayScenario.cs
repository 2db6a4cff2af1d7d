using System.Globalization;
using Invitations.Benchmarks.EndToEnd;
using Invitations.Testing;
using Invitations.Testing.Sms;
using Invitations.Testing.Sponsors;
using Npgsql;

namespace Invitations.Benchmarks.Gateway;

/// <summary>
/// A real gateway's conditions: the gateway stub process at 200 ms, 100 messages/s (429 above it, Retry-After: 1), delivery
/// reports posted back to the Api 1 s after each SMS; two Worker processes; 2,000 dealers, one request per SMS
/// and then batches. Measures the job's time against the limit, the 429s, and when every report is recorded.
/// </summary>
public sealed class GatewayScenario(TestInfrastructure infrastructure)
{
    public const int Dealers = 2_000;
    public const int RateLimit = 100;
    private const int WarmUpDealers = Dealers;
    private const string Secret = "benchmark-delivery-report-secret";

    public async Task<IReadOnlyList<GatewayResult>> MeasureAsync(int runs, double ratePerSecond, int batchSize)
    {
        var apiSettings = new Dictionary<string, string?>
        {
            ["Uploads:RateLimitPermits"] = "100000",
            ["SmsDeliveryReports:Secret"] = Secret,
            ["Logging:LogLevel:Default"] = "Warning",
        };
        await using var api = ServiceProcess.Api(infrastructure, apiSettings);
        await api.StartAsync();
        await using var gateway = await SmsGatewayStub.StartAsync(
            true, ("latencyMs", 200), ("rateLimitPerSecond", RateLimit), ("retryAfter", true),
            ("deliveryReportUrl", new Uri(api.BaseAddress, "api/v1/sms/delivery-reports").ToString()),
            ("deliveryReportDelayMs", 1_000), ("deliveryReportSecret", Secret));

        var sponsor = TestIds.NewSponsorId();
        await SponsorClient.IssueCodesAsync(api.BaseAddress, sponsor, "M", (((Dealers * runs) + WarmUpDealers) * 2) + 100);
        await using var client = await SponsorClient.ConnectAsync(api.BaseAddress, sponsor);
        await using var dataSource = infrastructure.CreateDataSource();
        var results = new List<GatewayResult>();
        foreach (var batch in new[] { 1, batchSize })
        {
            var workerSettings = new Dictionary<string, string?>(gateway.WorkerSettings)
            {
                ["Sms:RatePerSecond"] = ratePerSecond.ToString(CultureInfo.InvariantCulture),
                ["Sms:Http:BatchSize"] = batch.ToString(CultureInfo.InvariantCulture),
                ["Sms:Http:BatchUrl"] = gateway.Url + "/batch",
                ["Logging:LogLevel:Default"] = "Warning",
            };
            await using var first = ServiceProcess.Worker(infrastructure, workerSettings);
            await using var second = ServiceProcess.Worker(infrastructure, workerSettings);
            await Task.WhenAll(first.StartAsync(), second.StartAsync());

            // Production Workers and Apis are warm: a first job pays for JIT compilation and new connections
            // (2.5–3.5 s before the first SMS here, and still 2.7 s after a 200-dealer warm-up), which is start-up, not the gateway's rate.
            var (warmUp, _) = await client.UploadAsync(DealerFile.Create(WarmUpDealers));
            await client.CompletionAsync(warmUp).WaitAsync(TimeSpan.FromMinutes(5));
            for (var run = 0; run < runs; run++)
            {
                results.Add(await RunAsync(batch == 1 ? "one request per SMS" : $"batches of {batch}", client, gateway, dataSource));
                var r = results[^1];
                Log($"gateway, {r.Mode}, run {run + 1}: {r.JobSeconds:F2} s, {r.MessagesPerSecond:F1} messages/s = {r.OfTheLimit:F3} of the limit, "
                    + $"{r.RateLimited} × 429 of {r.Requests} requests ({r.RateLimitedShare:P2}), first SMS after {r.Sends.FirstAcceptedSeconds:F2} s, "
                    + $"busiest second {r.Sends.BusiestSecond}, {r.Sends.PhasesOverLimit:P1} of a gateway's phases over the limit, every report recorded after {r.ReportsSeconds:F2} s");
            }
        }

        using var http = new HttpClient();
        Log($"gateway's delivery reports (posted, recorded, refused and posted again): {await http.GetStringAsync(new Uri(new Uri(gateway.Url), "/_stub/reports"))}");
        return results;
    }

    private static async Task<GatewayResult> RunAsync(string mode, SponsorClient client, SmsGatewayStub gateway, NpgsqlDataSource dataSource)
    {
        var before = await gateway.StatsAsync();
        var started = DateTimeOffset.UtcNow;
        var (jobId, _) = await client.UploadAsync(DealerFile.Create(Dealers));
        var completed = await client.CompletionAsync(jobId).WaitAsync(TimeSpan.FromMinutes(10));
        var jobSeconds = (completed - started).TotalSeconds;
        var after = await gateway.StatsAsync();
        await JobVerifier.VerifyAsync(dataSource, jobId, Dealers, codesPerDealer: 1);
        var taken = (await gateway.AcceptedAsync()).Select(a => a.At).Where(at => at >= started).Order().ToArray();
        Log($"  {mode}: {SendTimeline(taken, started)}");
        var sends = GatewaySends.Of(taken, started, RateLimit);

        var deadline = DateTimeOffset.UtcNow.AddMinutes(2);
        while (await DeliveredAsync(dataSource, jobId) < Dealers && DateTimeOffset.UtcNow < deadline)
        {
            await Task.Delay(100);
        }

        var reports = await DeliveredAsync(dataSource, jobId) == Dealers ? (DateTimeOffset.UtcNow - started).TotalSeconds : double.NaN;
        return new GatewayResult(mode, Dealers, RateLimit, jobSeconds, after.Accepted - before.Accepted, after.Requests - before.Requests,
            after.RateLimited - before.RateLimited, reports, sends);
    }

    /// <summary>
    /// When the gateway took this run's messages (<paramref name="taken"/>, in order): the first and the last, and how
    /// many in each of the stub's own seconds (the ones it counts its limit in), numbered from the upload's.
    /// </summary>
    private static string SendTimeline(DateTimeOffset[] taken, DateTimeOffset started)
    {
        if (taken.Length == 0)
        {
            return "no message accepted";
        }

        var first = started.ToUnixTimeSeconds();
        var perSecond = taken.GroupBy(at => at.ToUnixTimeSeconds() - first).Select(g => $"{g.Key}:{g.Count()}");
        return string.Create(CultureInfo.InvariantCulture,
            $"first accepted {(taken[0] - started).TotalSeconds:F2} s, last {(taken[^1] - started).TotalSeconds:F2} s; per second {string.Join(' ', perSecond)}");
    }

    private static async Task<long> DeliveredAsync(NpgsqlDataSource dataSource, Guid jobId)
    {
        await using var command = dataSource.CreateCommand(
            "SELECT count(*) FROM dealer_invitations WHERE bulk_job_id = @job AND sms_delivery_status = 'Delivered'");
        command.Parameters.AddWithValue("job", jobId);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private static void Log(string message) => Console.WriteLine($"[bench {DateTime.UtcNow:HH:mm:ss}] {message}");
}
