namespace Invitations.Testing;

/// <summary>
/// The base of each test project's <c>[SetUpFixture] TestRun</c>: one <see cref="TestInfrastructure"/>
/// (database and virtual host) per test assembly. Generic on the derived type, so each assembly keeps its own.
/// </summary>
public abstract class TestRunFixture<TSelf>(string runName)
    where TSelf : TestRunFixture<TSelf>
{
    private static TestInfrastructure? _infrastructure;

    public static TestInfrastructure Infrastructure =>
        _infrastructure ?? throw new InvalidOperationException("The test run has not started.");

    [OneTimeSetUp]
    public async Task StartAsync() => _infrastructure = await TestInfrastructure.StartAsync(runName);

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        if (_infrastructure is not null)
        {
            await _infrastructure.DisposeAsync();
        }
    }
}
