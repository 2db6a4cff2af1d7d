using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Invitations.Testing;
using Invitations.Testing.Sponsors;
using Npgsql;

namespace Invitations.System.Tests.Faults;

/// <summary>
/// The Api as a process takes every hostile file in turn: each a 4xx, nothing stored, its memory within 100 MB of
/// its idle size (a zip bomb inflated would be 1 GiB, 3,000,000 cells held were 858 MB), and it keeps serving.
/// </summary>
public sealed class When_hostile_files_are_uploaded
{
    private const long MaxGrowthKb = 100 * 1024;

    [Test]
    public async Task Should_refuse_each_with_a_4xx_store_nothing_and_keep_the_Api_memory_bounded()
    {
        await using var api = ServiceProcess.Api(TestRun.Infrastructure);
        await api.StartAsync();
        await using var dataSource = TestRun.Infrastructure.CreateDataSource();
        var sponsorId = TestIds.NewSponsorId();
        using var http = await SponsorHttpAsync(api.BaseAddress, sponsorId);

        // Idle means warmed: a good file's dry run has compiled the upload path a hostile file takes too.
        using (var warmUp = new MultipartFormDataContent { { new ByteArrayContent(DealerFile.Create(10)), "file", "dealers.xlsx" }, { new StringContent("true"), "dryRun" } })
        using (var warmed = await http.PostAsync("api/v1/bulk-invitations", warmUp))
        {
            Assert.That((int)warmed.StatusCode, Is.LessThan(500), "a good file's dry run");
        }

        var idle = StatusKb(api.ProcessId, "VmRSS:");

        foreach (var (name, fileName, content) in HostileFiles.All())
        {
            using var form = new MultipartFormDataContent();
            var file = new ByteArrayContent(content);
            file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            form.Add(file, "file", fileName);
            var stopwatch = Stopwatch.StartNew();
            using var response = await http.PostAsync("api/v1/bulk-invitations", form);
            var body = await response.Content.ReadAsStringAsync();
            stopwatch.Stop();

            await TestContext.Out.WriteLineAsync(string.Create(
                CultureInfo.InvariantCulture, $"{name}: {(int)response.StatusCode} in {stopwatch.ElapsedMilliseconds} ms, Api peak RSS {PeakRssKb(api.ProcessId) / 1024} MB"));
            Assert.That((int)response.StatusCode, Is.InRange(400, 499), $"{name}: {body[..Math.Min(body.Length, 500)]}");
            Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"), name);
        }

        var peak = PeakRssKb(api.ProcessId);
        await TestContext.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"Api peak RSS (VmHWM) after all cases: {peak / 1024} MB"));
        await TestContext.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"Api RSS when idle: {idle / 1024} MB"));
        Assert.That(peak - idle, Is.LessThan(MaxGrowthKb), "peak RSS within 100 MB of the idle Api's");
        Assert.That(await StoredAsync(dataSource, sponsorId), Is.Zero);
        Assert.That(api.HasExited, Is.False);
        using var live = await http.GetAsync("health/live");
        Assert.That(live.IsSuccessStatusCode, Is.True, "the Api still serves");
    }

    private static async Task<HttpClient> SponsorHttpAsync(Uri baseAddress, long sponsorId)
    {
        var http = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromMinutes(2) };
        using var response = await http.PostAsJsonAsync("api/v1/dev/tokens", new { sponsorId, role = "Sponsor" });
        response.EnsureSuccessStatusCode();
        var token = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("token").GetString();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return http;
    }

    private static long PeakRssKb(int processId) => StatusKb(processId, "VmHWM:");

    private static long StatusKb(int processId, string field)
    {
        var line = File.ReadLines($"/proc/{processId}/status").First(l => l.StartsWith(field, StringComparison.Ordinal));
        return long.Parse(line[field.Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
    }

    private static async Task<long> StoredAsync(NpgsqlDataSource dataSource, long sponsorId)
    {
        await using var command = dataSource.CreateCommand("""
            SELECT (SELECT count(*) FROM bulk_invitation_jobs WHERE sponsor_id = @sponsor)
                 + (SELECT count(*) FROM sponsorship_codes WHERE sponsor_id = @sponsor AND reserved_by_job_id IS NOT NULL)
            """);
        command.Parameters.AddWithValue("sponsor", sponsorId);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
