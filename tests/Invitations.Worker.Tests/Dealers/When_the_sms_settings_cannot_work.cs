namespace Invitations.Worker.Tests.Dealers;

/// <summary>SMS settings that would send nothing, or could never send, stop the Worker at start with a clear message.</summary>
public sealed class When_the_sms_settings_cannot_work
{
    [Test]
    public async Task Should_refuse_an_unknown_provider() =>
        Assert.That(
            await StartFailureAsync(new() { ["Sms:Provider"] = "Carrier-Pigeon" }),
            Does.Contain("Sms:Provider 'Carrier-Pigeon' is unknown"));

    [Test]
    public async Task Should_refuse_the_log_provider_outside_development_unless_allowed() =>
        Assert.That(
            await StartFailureAsync(new() { ["Sms:Provider"] = "Log", ["Sms:AllowLogProvider"] = "false" }),
            Does.Contain("Sms:Provider is Log in the Testing environment").And.Contain("Sms:AllowLogProvider=true"));

    [Test]
    public async Task Should_refuse_the_http_provider_without_a_gateway_url() =>
        Assert.That(
            await StartFailureAsync(new() { ["Sms:Provider"] = "Http", ["Sms:Http:Url"] = "" }),
            Does.Contain("Sms:Http:Url"));

    [Test]
    public async Task Should_refuse_a_lease_no_longer_than_the_gateway_timeout() =>
        Assert.That(
            await StartFailureAsync(new() { ["Sms:AttemptLease"] = "00:00:10", ["Sms:Http:Timeout"] = "00:00:10" }),
            Does.Contain("Sms:AttemptLease"));

    [Test]
    public async Task Should_refuse_a_request_spacing_that_does_not_fit_the_window() =>
        Assert.That(
            await StartFailureAsync(new() { ["Sms:Provider"] = "Http", ["Sms:Http:Url"] = "http://127.0.0.1:9/sms", ["Sms:RatePerSecond"] = "600", ["Sms:RequestSpacing"] = "00:00:00.001" }),
            Does.Contain("Sms:RequestSpacing"));

    [Test]
    public async Task Should_refuse_dealer_settings_that_cannot_work() =>
        Assert.That(
            await StartFailureAsync(new() { ["Dealers:GroupSize"] = "0", ["Dealers:RedeliveryIntervals"] = "soon" }),
            Does.Contain("Dealers:GroupSize must be at least 1").And.Contain("Dealers:RedeliveryIntervals 'soon'"));

    /// <summary>Starts a Worker with the settings and returns every message of what stopped it (fails if it started).</summary>
    private static async Task<string> StartFailureAsync(Dictionary<string, string?> settings)
    {
        try
        {
            await using var worker = await WorkerHost.StartAsync(settings);
        }
        catch (Exception ex)
        {
            return Messages(ex);
        }

        Assert.Fail("the Worker started");
        return string.Empty;
    }

    private static string Messages(Exception ex) => ex switch
    {
        AggregateException many => string.Join(" | ", many.InnerExceptions.Select(Messages)),
        _ when ex.InnerException is { } inner => $"{ex.Message} | {Messages(inner)}",
        _ => ex.Message,
    };
}
