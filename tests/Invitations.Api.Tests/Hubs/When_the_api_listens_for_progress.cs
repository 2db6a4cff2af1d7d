using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Serialization;
using Invitations.Testing;

namespace Invitations.Api.Tests.Hubs;

public sealed class When_the_api_listens_for_progress
{
    [Test]
    public async Task Should_give_each_instance_its_own_exclusive_classic_queue()
    {
        var management = new Uri(Environment.GetEnvironmentVariable(TestInfrastructure.RabbitMqManagementVariable) is { Length: > 0 } m ? m : "http://guest:guest@127.0.0.1:15672/");
        var amqp = new Uri(TestRun.Infrastructure.RabbitMqUri);
        var vhost = amqp.AbsolutePath.TrimStart('/');
        Assume.That(vhost, Is.Not.Empty, "the run has its own virtual host (management API available)");
        using var http = new HttpClient { BaseAddress = new Uri(management.GetLeftPart(UriPartial.Authority)) };
        var credentials = Uri.UnescapeDataString(string.IsNullOrEmpty(management.UserInfo) ? amqp.UserInfo : management.UserInfo);
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(credentials)));

        var queues = await http.GetFromJsonAsync<List<QueueInfo>>($"/api/queues/{Uri.EscapeDataString(Uri.UnescapeDataString(vhost))}") ?? [];
        var progressQueues = queues.Where(q => q.Name.Contains("bulk-invitation-progress", StringComparison.Ordinal)).ToList();

        Assert.That(progressQueues, Has.Count.GreaterThanOrEqualTo(2), "one per running Api instance");
        Assert.That(progressQueues.Select(q => q.Type), Has.All.EqualTo("classic"));
        // Exclusive: RabbitMQ deletes it with the instance's connection, so a stopped instance leaves nothing behind.
        Assert.That(progressQueues.Select(q => q.Exclusive), Has.All.True);
        Assert.That(progressQueues.Select(q => q.Durable), Has.All.False);
    }

    private sealed record QueueInfo(
        [property: JsonPropertyName("name")] string Name,
        [property: JsonPropertyName("type")] string Type,
        [property: JsonPropertyName("exclusive")] bool Exclusive,
        [property: JsonPropertyName("durable")] bool Durable);
}
