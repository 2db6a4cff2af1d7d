using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;

namespace Invitations.Testing.Sms;

/// <summary>
/// The SMS gateway stub as a process (tests/Invitations.SmsGatewayStub, options in its README), and the test's
/// view of it: its URL for <c>Sms:Http:Url</c>, its mode switch, the SMS it accepted and its answer counts.
/// </summary>
public sealed class SmsGatewayStub : IAsyncDisposable
{
    public const string Username = "invitations";
    public const string Password = "stub-secret";

    private readonly ServiceProcess _process;
    private readonly HttpClient _http;

    private SmsGatewayStub(ServiceProcess process)
    {
        _process = process;
        _http = new HttpClient { BaseAddress = process.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
    }

    /// <summary>The gateway URL for <c>Sms:Http:Url</c>.</summary>
    public string Url => new Uri(_process.BaseAddress, "sms").ToString();

    /// <summary>The Worker settings that send its SMS here, with the stub's credentials.</summary>
    public IReadOnlyDictionary<string, string?> WorkerSettings => new Dictionary<string, string?>
    {
        ["Sms:Provider"] = "Http",
        ["Sms:Http:Url"] = Url,
        ["Sms:Http:Username"] = Username,
        ["Sms:Http:Password"] = Password,
    };

    public IReadOnlyCollection<string> Output => _process.Output;

    /// <summary>Starts a stub that requires the credentials of <see cref="WorkerSettings"/>; options as in its README (without dashes).</summary>
    public static async Task<SmsGatewayStub> StartAsync(bool honourIdempotencyKey = true, params (string Name, object Value)[] options)
    {
        string[] arguments =
        [
            "--username", Username, "--password", Password,
            "--honourIdempotencyKey", honourIdempotencyKey ? "true" : "false",
            .. options.SelectMany(o => new[] { "--" + o.Name, Convert.ToString(o.Value, CultureInfo.InvariantCulture)! }),
        ];
        var process = ServiceProcess.SmsGatewayStub(arguments);
        await process.StartAsync(TimeSpan.FromSeconds(30));
        return new SmsGatewayStub(process);
    }

    /// <summary>Changes the named parts of the mode, e.g. <c>new { down = true }</c>.</summary>
    public async Task SetModeAsync(object changes)
    {
        using var response = await _http.PostAsJsonAsync("_stub/mode", changes);
        response.EnsureSuccessStatusCode();
    }

    public async Task<IReadOnlyList<StubAcceptedSms>> AcceptedAsync() =>
        (await _http.GetFromJsonAsync<List<StubAcceptedSms>>("_stub/accepted", JsonSerializerOptions.Web))!;

    public async Task<StubAnswerCounts> StatsAsync() =>
        (await _http.GetFromJsonAsync<StubAnswerCounts>("_stub/stats", JsonSerializerOptions.Web))!;

    /// <summary>SMS accepted per phone number (a new SMS each; a known key answered again is not one).</summary>
    public async Task<IReadOnlyDictionary<string, int>> AcceptedPerPhoneAsync() =>
        (await AcceptedAsync()).GroupBy(s => s.To, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await _process.DisposeAsync();
    }
}
