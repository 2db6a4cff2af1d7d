namespace Invitations.Api.Tests.Hubs;

/// <summary>Two Api instances on real ports sharing the run's database and broker, as in production behind a balancer.</summary>
[SetUpFixture]
public sealed class HubsRun
{
    private static LiveApi? _first;
    private static LiveApi? _second;

    public static LiveApi First => _first ?? throw new InvalidOperationException("Not started.");

    public static LiveApi Second => _second ?? throw new InvalidOperationException("Not started.");

    [OneTimeSetUp]
    public void Start()
    {
        _first = LiveApi.Start(TestRun.Infrastructure);
        _second = LiveApi.Start(TestRun.Infrastructure);
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        if (_first is not null)
        {
            await _first.DisposeAsync();
        }

        if (_second is not null)
        {
            await _second.DisposeAsync();
        }
    }
}
