using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Invitations.Testing;

namespace Invitations.System.Tests.Support;

/// <summary>The queues of a test infrastructure's virtual host, read through the RabbitMQ management API.</summary>
public static class RabbitMqQueues
{
    private const string DefaultManagement = "http://guest:guest@127.0.0.1:15672/";

    /// <summary>Every queue of the run's virtual host: name, ready, unacknowledged, consumers.</summary>
    public static async Task<IReadOnlyList<QueueDepth>> ListAsync(TestInfrastructure infrastructure)
    {
        var management = new Uri(Environment.GetEnvironmentVariable(TestInfrastructure.RabbitMqManagementVariable) is { Length: > 0 } m ? m : DefaultManagement);
        var amqp = new Uri(infrastructure.RabbitMqUri);
        var vhost = Uri.UnescapeDataString(amqp.AbsolutePath.TrimStart('/'));
        vhost = vhost.Length == 0 ? "/" : vhost;
        var credentials = Uri.UnescapeDataString(string.IsNullOrEmpty(management.UserInfo) ? amqp.UserInfo : management.UserInfo);
        using var http = new HttpClient { BaseAddress = new Uri(management.GetLeftPart(UriPartial.Authority)), Timeout = TimeSpan.FromSeconds(10) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(credentials)));
        var queues = await http.GetFromJsonAsync<JsonElement>($"/api/queues/{Uri.EscapeDataString(vhost)}?columns=name,messages_ready,messages_unacknowledged,consumers");
        return [.. queues.EnumerateArray().Select(q => new QueueDepth(
            q.GetProperty("name").GetString()!, Number(q, "messages_ready"), Number(q, "messages_unacknowledged"), Number(q, "consumers")))];
    }

    /// <summary>The <c>_error</c> queues with their depth (poison messages only: an outage that ends must leave none).</summary>
    public static async Task<IReadOnlyList<QueueDepth>> ErrorQueuesAsync(TestInfrastructure infrastructure) =>
        [.. (await ListAsync(infrastructure)).Where(q => q.Name.EndsWith("_error", StringComparison.Ordinal))];

    public static async Task<string> DescribeAsync(TestInfrastructure infrastructure)
    {
        try
        {
            return string.Join('\n', (await ListAsync(infrastructure)).Select(q => q.ToString()));
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or JsonException)
        {
            return ex.Message;
        }
    }

    // A queue whose statistics have not been emitted yet has no figures.
    private static long Number(JsonElement queue, string name) =>
        queue.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetInt64() : 0;
}
