using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;

namespace Invitations.Testing.Sponsors;

/// <summary>A sponsor as the dashboard is one: dev token, upload over HTTP, completion over SignalR.</summary>
public sealed class SponsorClient : IAsyncDisposable
{
    private readonly HttpClient _http;
    private readonly HubConnection _hub;
    private readonly ConcurrentDictionary<Guid, TaskCompletionSource<DateTimeOffset>> _completions = new();
    private readonly ConcurrentQueue<JsonElement> _progress = new();

    private SponsorClient(HttpClient http, HubConnection hub)
    {
        _http = http;
        _hub = hub;
    }

    /// <summary>Every <c>BulkInvitationProgress</c> the hub pushed to this sponsor, in arrival order.</summary>
    public IReadOnlyList<JsonElement> Progress(Guid jobId) =>
        _progress.Where(p => p.GetProperty("bulkJobId").GetGuid() == jobId).ToList();

    /// <summary>Uploads through <paramref name="baseAddress"/>; listens on <paramref name="hubAddress"/> (another Api instance) when given.</summary>
    public static async Task<SponsorClient> ConnectAsync(Uri baseAddress, long sponsorId, Uri? hubAddress = null)
    {
        var http = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromMinutes(5) };
        var token = await TokenAsync(http, sponsorId, "Sponsor");
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var hub = new HubConnectionBuilder()
            .WithUrl(new Uri(hubAddress ?? baseAddress, "hubs/bulk-invitations"), o => o.AccessTokenProvider = () => Task.FromResult<string?>(token))
            .Build();
        var client = new SponsorClient(http, hub);
        hub.On<JsonElement>("BulkInvitationCompleted", client.OnCompleted);
        hub.On<JsonElement>("BulkInvitationProgress", p => client._progress.Enqueue(p));
        await hub.StartAsync();
        return client;
    }

    public static async Task IssueCodesAsync(Uri baseAddress, long sponsorId, string tier, int count)
    {
        using var http = new HttpClient { BaseAddress = baseAddress };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await TokenAsync(http, null, "Support"));
        using var response = await http.PostAsJsonAsync($"api/v1/support/sponsors/{sponsorId}/codes", new { tier, count });
        response.EnsureSuccessStatusCode();
    }

    /// <summary>Uploads a file; returns the job id (202) and how long the Api took to accept it.</summary>
    public async Task<(Guid JobId, TimeSpan Accept)> UploadAsync(byte[] file, bool dryRun = false)
    {
        using var content = UploadContent(new ByteArrayContent(file), dryRun);
        var stopwatch = Stopwatch.StartNew();
        using var response = await PostUploadAsync(content);
        var elapsed = stopwatch.Elapsed;
        var text = await response.Content.ReadAsStringAsync();
        if (response.StatusCode != (dryRun ? HttpStatusCode.OK : HttpStatusCode.Accepted))
        {
            throw new InvalidOperationException($"upload answered {(int)response.StatusCode}: {text[..Math.Min(text.Length, 2000)]}");
        }

        var jobId = dryRun ? Guid.Empty : JsonDocument.Parse(text).RootElement.GetProperty("jobId").GetGuid();
        return (jobId, elapsed);
    }

    /// <summary>The upload form the dashboard posts, around any file body (a test may stream it slowly).</summary>
    public static MultipartFormDataContent UploadContent(HttpContent file, bool dryRun = false)
    {
        var content = new MultipartFormDataContent();
        file.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        content.Add(file, "file", "dealers.xlsx");
        content.Add(new StringContent("true"), "useRowSpecificCounts");
        if (dryRun)
        {
            content.Add(new StringContent("true"), "dryRun");
        }

        return content;
    }

    /// <summary>Posts an upload form as it is and hands back whatever the Api answered.</summary>
    public Task<HttpResponseMessage> PostUploadAsync(HttpContent content, CancellationToken cancellationToken = default) =>
        _http.PostAsync("api/v1/bulk-invitations", content, cancellationToken);

    /// <summary>The job's status body (<c>GET /api/v1/bulk-invitations/{id}</c>).</summary>
    public async Task<JsonElement> StatusAsync(Guid jobId)
    {
        using var response = await _http.GetAsync($"api/v1/bulk-invitations/{jobId}");
        response.EnsureSuccessStatusCode();
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    /// <summary>Polls the status until <paramref name="done"/> holds; fails after <paramref name="timeout"/>.</summary>
    public async Task<JsonElement> WaitForStatusAsync(Guid jobId, Func<JsonElement, bool> done, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var status = await StatusAsync(jobId);
            if (done(status))
            {
                return status;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"job {jobId} did not get there in {timeout}: {status}");
            }

            await Task.Delay(100);
        }
    }

    /// <summary>When the sponsor's browser would have seen the job's completion.</summary>
    public Task<DateTimeOffset> CompletionAsync(Guid jobId) => Completion(jobId).Task;

    public async ValueTask DisposeAsync()
    {
        await _hub.DisposeAsync();
        _http.Dispose();
    }

    private void OnCompleted(JsonElement message)
    {
        var jobId = message.GetProperty("bulkJobId").GetGuid();
        Completion(jobId).TrySetResult(DateTimeOffset.UtcNow);
    }

    private TaskCompletionSource<DateTimeOffset> Completion(Guid jobId) =>
        _completions.GetOrAdd(jobId, _ => new TaskCompletionSource<DateTimeOffset>(TaskCreationOptions.RunContinuationsAsynchronously));

    private static async Task<string> TokenAsync(HttpClient http, long? sponsorId, string role)
    {
        using var response = await http.PostAsJsonAsync("api/v1/dev/tokens", new { sponsorId, role });
        response.EnsureSuccessStatusCode();
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("token").GetString()!;
    }
}
