using Invitations.Testing;

namespace Invitations.System.Tests.Hosting;

public sealed class When_a_worker_process_starts
{
    [Test]
    public async Task Should_report_ready_in_its_log_and_on_its_health_endpoint()
    {
        await using var worker = ServiceProcess.Worker(TestRun.Infrastructure);

        await worker.StartAsync();

        Assert.That(worker.Output, Has.Some.Contains("Worker ready"));
    }

    [Test]
    public async Task Should_exit_non_zero_when_RabbitMQ_cannot_be_reached()
    {
        await using var worker = ServiceProcess.Worker(TestRun.Infrastructure, new Dictionary<string, string?>
        {
            ["RabbitMq:Uri"] = "amqp://guest:guest@127.0.0.1:1/",
            ["RabbitMq:StartTimeout"] = "00:00:05",
        });

        worker.Start();
        var exitCode = await worker.WaitForExitAsync(TimeSpan.FromSeconds(60));

        Assert.That(exitCode, Is.Not.Zero);
        Assert.That(worker.Output, Has.Some.Contains("Worker cannot start"));
    }

    [Test]
    public async Task Should_exit_non_zero_when_PostgreSQL_cannot_be_reached()
    {
        await using var worker = ServiceProcess.Worker(TestRun.Infrastructure, new Dictionary<string, string?>
        {
            ["ConnectionStrings:Invitations"] = "Host=127.0.0.1;Port=1;Database=x;Username=x;Password=x;Timeout=2",
            ["Database:StartupAttempts"] = "2",
            ["Database:StartupRetryDelay"] = "00:00:00.500",
        });

        worker.Start();
        var exitCode = await worker.WaitForExitAsync(TimeSpan.FromSeconds(60));

        Assert.That(exitCode, Is.Not.Zero);
        Assert.That(worker.Output, Has.Some.Contains("PostgreSQL not reachable"));
    }

    [Test]
    public async Task Should_exit_non_zero_naming_the_setting_when_one_cannot_work()
    {
        await using var worker = ServiceProcess.Worker(TestRun.Infrastructure, new Dictionary<string, string?>
        {
            ["Sms:Provider"] = "Http",
            ["Sms:Http:Url"] = "http://127.0.0.1:1/sms",
            ["Sms:RatePerSecond"] = "10",
            ["Sms:Http:BatchSize"] = "50",
        });

        worker.Start();
        var exitCode = await worker.WaitForExitAsync(TimeSpan.FromSeconds(60));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(exitCode, Is.Not.Zero);
            Assert.That(worker.Output, Has.Some.Contains("Worker cannot start: its configuration is invalid").And.Contains("Sms:Http:BatchSize"));
            Assert.That(worker.Output, Has.None.Contains("not reachable"), "a bad setting is not reported as an outage");
        }
    }
}
