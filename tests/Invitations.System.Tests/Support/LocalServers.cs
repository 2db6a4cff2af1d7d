using System.Diagnostics;

namespace Invitations.System.Tests.Support;

/// <summary>
/// Restarts the real local servers that <c>deploy/local/infra.sh</c> runs. Every test assembly shares them, so
/// these cases run alone, in the second pass of <c>deploy/local/test.sh</c>, which sets <see cref="Switch"/>.
/// </summary>
public static class LocalServers
{
    public const string Category = "ServerRestart";
    public const string Switch = "INVITATIONS_TEST_SERVER_RESTARTS";

    public static void RequireControl()
    {
        if (Environment.GetEnvironmentVariable(Switch) != "1")
        {
            Assert.Ignore($"Restarts the shared servers, so it runs alone: deploy/local/test.sh runs it after the rest ({Switch}=1).");
        }
    }

    /// <summary>The broker application stops (every connection dropped, queues to disk) and starts again.</summary>
    public static async Task RestartRabbitMqAsync(TimeSpan down)
    {
        await RunAsync("rabbitmqctl", "stop_app");
        await Task.Delay(down);
        await RunAsync("rabbitmqctl", "start_app");
        await RunAsync("rabbitmqctl", "await_startup");
    }

    /// <summary>Every queue with its ready and unacknowledged messages and consumers, or why that could not be read.</summary>
    public static async Task<string> DescribeQueuesAsync()
    {
        try
        {
            return await RunAsync("rabbitmqctl", "list_queues", "-q", "name", "type", "messages_ready", "messages_unacknowledged", "consumers");
        }
        catch (Exception ex) when (ex is InvalidOperationException or global::System.ComponentModel.Win32Exception or OperationCanceledException)
        {
            return ex.Message;
        }
    }

    public static Task StopPostgresAsync() =>
        RunAsync("pg_ctlcluster", Environment.GetEnvironmentVariable("PG_VERSION") ?? "15", "main", "stop", "-m", "fast");

    /// <summary>Starts PostgreSQL the way the scripts do (same options), and waits until it answers.</summary>
    public static Task StartPostgresAsync() => RunAsync(Path.Combine(RepositoryRoot(), "deploy", "local", "infra.sh"));

    private static async Task<string> RunAsync(string file, params string[] arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(file, arguments)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        }) ?? throw new InvalidOperationException($"{file} did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {string.Join(' ', arguments)} exited {process.ExitCode}: {await output}{await error}");
        }

        return await output;
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Invitations.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException("Invitations.sln not found above the test assembly.");
    }
}
