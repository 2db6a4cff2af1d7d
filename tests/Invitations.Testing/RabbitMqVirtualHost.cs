using System.Net.Http.Headers;
using System.Text;

namespace Invitations.Testing;

/// <summary>A RabbitMQ virtual host made for one test run through the management API, deleted after it.</summary>
internal sealed class RabbitMqVirtualHost : IAsyncDisposable
{
    private readonly HttpClient _http;
    private readonly string _name;

    private RabbitMqVirtualHost(HttpClient http, string name, string amqpUri)
    {
        _http = http;
        _name = name;
        AmqpUri = amqpUri;
    }

    public string AmqpUri { get; }

    public static async Task<RabbitMqVirtualHost?> TryCreateAsync(string managementUri, string amqpUri, string name)
    {
        var management = new Uri(managementUri);
        var amqp = new Uri(amqpUri);
        var credentials = Uri.UnescapeDataString(string.IsNullOrEmpty(management.UserInfo) ? amqp.UserInfo : management.UserInfo);
        var user = credentials.Split(':')[0];
        var http = new HttpClient { BaseAddress = new Uri(management.GetLeftPart(UriPartial.Authority)), Timeout = TimeSpan.FromSeconds(10) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(credentials)));
        try
        {
            var escaped = Uri.EscapeDataString(name);
            (await http.PutAsync($"/api/vhosts/{escaped}", JsonBody("{}"))).EnsureSuccessStatusCode();
            (await http.PutAsync($"/api/permissions/{escaped}/{Uri.EscapeDataString(user)}",
                JsonBody("""{"configure":".*","write":".*","read":".*"}"""))).EnsureSuccessStatusCode();
            var vhostUri = new UriBuilder(amqp) { Path = "/" + escaped }.Uri.ToString();
            return new RabbitMqVirtualHost(http, name, vhostUri);
        }
        catch (HttpRequestException)
        {
            // No management API: the run shares the configured virtual host, which still works since
            // every test bus uses its own endpoint names.
            http.Dispose();
            return null;
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await _http.DeleteAsync($"/api/vhosts/{Uri.EscapeDataString(_name)}");
        }
        catch (HttpRequestException)
        {
        }

        _http.Dispose();
    }

    private static StringContent JsonBody(string json) => new(json, Encoding.UTF8, "application/json");
}
