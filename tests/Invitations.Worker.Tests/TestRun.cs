using Invitations.Testing;
using Invitations.Testing.Logging;

namespace Invitations.Worker.Tests;

[SetUpFixture]
public sealed class TestRun() : TestRunFixture<TestRun>("worker")
{
    /// <summary>Whatever the workers of this run logged, at every level we write, carries no email or phone.</summary>
    [OneTimeTearDown]
    public void ScanLogs()
    {
        CapturedLogs.AssertCapturedWhereAttached("the in-process hosts' logs");
        LogScan.AssertNoPersonalData(CapturedLogs.Lines);
    }
}
