using System.Net.Http.Headers;
using System.Text.Json;
using Invitations.Contracts.BulkInvitations;
using Invitations.Data.Codes;
using Microsoft.Extensions.DependencyInjection;

namespace Invitations.Api.Tests.Uploads;

/// <summary>Uploads as a browser sends them, and the sponsor's codes to reserve.</summary>
internal static class Upload
{
    public const string Route = "/api/v1/bulk-invitations";

    public static async Task<HttpResponseMessage> PostAsync(
        HttpClient client, byte[] file, string fileName = "bayiler.xlsx", IDictionary<string, string>? fields = null,
        string? idempotencyKey = null, string? language = null, string route = Route)
    {
        using var form = new MultipartFormDataContent();
        var content = new ByteArrayContent(file);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(content, "file", fileName);
        foreach (var (name, value) in fields ?? new Dictionary<string, string>())
        {
            form.Add(new StringContent(value), name);
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, route) { Content = form };
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        if (language is not null)
        {
            request.Headers.AcceptLanguage.ParseAdd(language);
        }

        return await client.SendAsync(request);
    }

    public static async Task<JsonElement> JsonAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();

    public static async Task GiveCodesAsync(long sponsorId, PackageTier tier, int count)
    {
        await using var scope = TestRun.Api.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<CodeIssuer>().IssueAsync(sponsorId, tier, count, null, CancellationToken.None);
    }
}
