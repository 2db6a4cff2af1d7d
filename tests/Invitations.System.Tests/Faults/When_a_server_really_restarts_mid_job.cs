using System.Diagnostics;
using Invitations.System.Tests.Support;

namespace Invitations.System.Tests.Faults;

/// <summary>
/// Cases 2 and 3: the real servers stopped and started (not cut at a proxy). They stop whichever servers the
/// test run uses (<see cref="LocalServers"/>): run alone, last, by deploy/local/test.sh.
/// </summary>
[NonParallelizable]
public sealed class When_a_server_really_restarts_mid_job
{
    [SetUp]
    public void RequireControl() => LocalServers.RequireControl();

    [Test]
    [Category(LocalServers.Category)]
    public async Task Should_finish_every_dealer_once_after_RabbitMQ_restarts()
    {
        // MassTransit's transport supervision (endpoint and consumer start and stop) logs at Debug.
        await using var rig = await FaultRig.StartAsync(extra: new Dictionary<string, string?> { ["Logging:LogLevel:MassTransit"] = "Debug" });
        var jobId = await rig.UploadAsync(FaultRig.MidJobDealers);
        await rig.WaitUntilProcessedAsync(jobId, 40);

        var leftAtRestart = await rig.RowsLeftAsync(jobId);
        try
        {
            await LocalServers.StopRabbitMqAsync();
        }
        finally
        {
            await LocalServers.StartRabbitMqAsync();
        }

        var sinceFaultEnded = Stopwatch.StartNew();
        Assert.That(leftAtRestart, Is.Positive, "RabbitMQ restarted while the job was running");
        await FaultOutcome.AssertRecoveredAsync(rig, "2 RabbitMQ restarted", sinceFaultEnded, jobId);
    }

    [Test]
    [Category(LocalServers.Category)]
    public async Task Should_finish_every_dealer_once_after_PostgreSQL_is_stopped_for_20_seconds()
    {
        await using var rig = await FaultRig.StartAsync();
        var jobId = await rig.UploadAsync(FaultRig.MidJobDealers);
        await rig.WaitUntilProcessedAsync(jobId, 40);

        var leftAtStop = await rig.RowsLeftAsync(jobId);
        try
        {
            await LocalServers.StopPostgresAsync();
            await Task.Delay(TimeSpan.FromSeconds(20));
        }
        finally
        {
            await LocalServers.StartPostgresAsync();
        }

        var sinceFaultEnded = Stopwatch.StartNew();

        // The test's own pooled connections died with the server (it read the rows left before the stop).
        rig.DataSource.Clear();
        Assert.That(leftAtStop, Is.Positive, "PostgreSQL stopped while the job was running");
        await FaultOutcome.AssertRecoveredAsync(rig, "3 PostgreSQL stopped 20 s", sinceFaultEnded, jobId);
    }
}
