using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Invitations.Testing;
using Npgsql;

namespace Invitations.System.Tests.Faults;

/// <summary>The Api as a process takes every hostile file in turn: each a 4xx, nothing stored, memory bounded.</summary>
public sealed class When_hostile_files_are_uploaded
{
    /// <summary>Generous: the Api holds at most one 5 MB upload and a capped parse; a zip bomb inflated would be 1 GiB.</summary>
    private const long MaxPeakRssKb = 600 * 1024;

    [Test]
    public async Task Should_refuse_each_with_a_4xx_store_nothing_and_keep_the_Api_memory_bounded()
    {
        await using var api = ServiceProcess.Api(TestRun.Infrastructure);
        await api.StartAsync();
        await using var dataSource = TestRun.Infrastructure.CreateDataSource();
        var sponsorId = TestIds.NewSponsorId();
        using var http = await SponsorHttpAsync(api.BaseAddress, sponsorId);

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
        Assert.That(peak, Is.LessThan(MaxPeakRssKb));
        Assert.That(await StoredAsync(dataSource, sponsorId), Is.Zero);
        Assert.That(api.HasExited, Is.False);
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

    private static long PeakRssKb(int processId)
    {
        var line = File.ReadLines($"/proc/{processId}/status").First(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
        return long.Parse(line["VmHWM:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
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
