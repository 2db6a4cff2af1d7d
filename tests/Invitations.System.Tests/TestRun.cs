using Invitations.Testing;

namespace Invitations.System.Tests;

[SetUpFixture]
public sealed class TestRun
{
    private static TestInfrastructure? _infrastructure;

    public static TestInfrastructure Infrastructure =>
        _infrastructure ?? throw new InvalidOperationException("The test run has not started.");

    [OneTimeSetUp]
    public async Task StartAsync() => _infrastructure = await TestInfrastructure.StartAsync("system");

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        if (_infrastructure is not null)
        {
            await _infrastructure.DisposeAsync();
        }
    }
}
