using System.Diagnostics;
using Invitations.Testing;
using Npgsql;

namespace Invitations.System.Tests.Support;

/// <summary>
/// Stops and starts the real servers the test run uses. By default those are the shared ones that
/// <c>deploy/local/infra.sh</c> runs, so these cases run alone, in the second pass of <c>deploy/local/test.sh</c>,
/// which sets <see cref="Switch"/>. The commands come from the environment (<see cref="PostgresStop"/> and the
/// rest), so a run can point them at private servers instead (<c>Support/private-servers.sh</c>).
/// </summary>
public static class LocalServers
{
    public const string Category = "ServerRestart";
    public const string Switch = "INVITATIONS_TEST_SERVER_RESTARTS";
    public const string PostgresStop = "INVITATIONS_TEST_POSTGRES_STOP";
    public const string PostgresStart = "INVITATIONS_TEST_POSTGRES_START";
    public const string RabbitMqStop = "INVITATIONS_TEST_RABBITMQ_STOP";
    public const string RabbitMqStart = "INVITATIONS_TEST_RABBITMQ_START";

    public static void RequireControl()
    {
        if (Environment.GetEnvironmentVariable(Switch) != "1")
        {
            Assert.Ignore($"Restarts the shared servers, so it runs alone: deploy/local/test.sh runs it after the rest ({Switch}=1).");
        }
    }

    /// <summary>The broker's server process stops (every connection dropped, queues on disk), then is started again.</summary>
    public static async Task StopRabbitMqAsync() => await ShellAsync(Command(RabbitMqStop, "rabbitmqctl stop"));

    public static async Task StartRabbitMqAsync()
    {
        await ShellAsync(Command(RabbitMqStart, $"{Script()} rabbitmq"));
        await ShellAsync("for i in $(seq 120); do rabbitmqctl -q await_startup >/dev/null 2>&1 && exit 0; sleep 1; done; rabbitmqctl -q await_startup");
    }

    public static Task StopPostgresAsync() =>
        ShellAsync(Command(PostgresStop, $"pg_ctlcluster {Environment.GetEnvironmentVariable("PG_VERSION") ?? "15"} main stop -m fast"));

    /// <summary>Starts PostgreSQL (by default as the scripts do, with their options) and waits until it answers.</summary>
    public static async Task StartPostgresAsync()
    {
        await ShellAsync(Command(PostgresStart, $"{Script()} postgres"));
        var builder = new NpgsqlConnectionStringBuilder(TestRun.Infrastructure.ConnectionString);
        await ShellAsync($"for i in $(seq 120); do pg_isready -q -h {builder.Host} -p {builder.Port} && exit 0; sleep 0.5; done; exit 1");
    }

    private static string Command(string variable, string fallback) =>
        Environment.GetEnvironmentVariable(variable) is { Length: > 0 } command ? command : fallback;

    private static async Task ShellAsync(string command)
    {
        using var process = Process.Start(new ProcessStartInfo("bash", ["-c", command])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        }) ?? throw new InvalidOperationException($"{command} did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await process.WaitForExitAsync(timeout.Token);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{command} exited {process.ExitCode}: {await output}{await error}");
        }
    }

    private static string Script()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Invitations.sln")))
            {
                return Path.Combine(dir.FullName, "deploy", "local", "infra.sh");
            }
        }

        throw new DirectoryNotFoundException("Invitations.sln not found above the test assembly.");
    }
}
