using Invitations.Testing;
using Invitations.Testing.Logging;

namespace Invitations.Api.Tests;

[SetUpFixture]
public sealed class TestRun
{
    private static TestInfrastructure? _infrastructure;
    private static ApiFactory? _api;

    public static TestInfrastructure Infrastructure =>
        _infrastructure ?? throw new InvalidOperationException("The test run has not started.");

    /// <summary>One Api for the run, in-process, on the run's real database and broker.</summary>
    public static ApiFactory Api => _api ?? throw new InvalidOperationException("The test run has not started.");

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _infrastructure = await TestInfrastructure.StartAsync("api");
        _api = new ApiFactory(_infrastructure);
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

        // Whatever the Api logged during the run, at every level we write, carries no email or phone.
        CapturedLogs.AssertCapturedWhereAttached("the in-process Api's logs");
        LogScan.AssertNoPersonalData(CapturedLogs.Lines);
    }
}
