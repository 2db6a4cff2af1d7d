using Invitations.Testing;

namespace Invitations.Browser.Tests;

[SetUpFixture]
public sealed class TestRun
{
    private static TestInfrastructure? _infrastructure;
    private static BrowserApi? _api;

    public static TestInfrastructure Infrastructure =>
        _infrastructure ?? throw new InvalidOperationException("The test run has not started.");

    /// <summary>One Api for the run on a real port, for the browser.</summary>
    public static BrowserApi Api => _api ?? throw new InvalidOperationException("The test run has not started.");

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _infrastructure = await TestInfrastructure.StartAsync("browser");
        _api = BrowserApi.Start(_infrastructure);
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        if (_api is not null)
        {
            await _api.DisposeAsync();
        }

        if (_infrastructure is not null)
        {
            await _infrastructure.DisposeAsync();
        }
    }
}
