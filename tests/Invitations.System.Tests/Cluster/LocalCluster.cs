using System.Diagnostics;
using System.Text.Json;

namespace Invitations.System.Tests.Cluster;

/// <summary>
/// The three-node RabbitMQ cluster of <c>deploy/local/cluster.sh</c>, which <c>deploy/local/test.sh</c> starts for
/// the Cluster pass and describes in <see cref="UriVariable"/>, <see cref="NodesVariable"/> and
/// <see cref="ManagementVariable"/>. Node n (1..3) is <c>rabbit-cn@localhost</c>, AMQP port 5680+n.
/// </summary>
public static class LocalCluster
{
    public const string Category = "Cluster";
    public const string UriVariable = "INVITATIONS_TEST_CLUSTER_RABBITMQ";
    public const string NodesVariable = "INVITATIONS_TEST_CLUSTER_NODES";
    public const string ManagementVariable = "INVITATIONS_TEST_CLUSTER_MANAGEMENT";

    public static string Uri => Environment.GetEnvironmentVariable(UriVariable) ?? string.Empty;
    public static string Management => Environment.GetEnvironmentVariable(ManagementVariable) ?? string.Empty;
    public static string[] Nodes => (Environment.GetEnvironmentVariable(NodesVariable) ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries);

    public static void Require()
    {
        if (string.IsNullOrEmpty(Uri) || Nodes.Length != 3)
        {
            Assert.Ignore($"Needs the three-node cluster: deploy/local/test.sh starts it for the {Category} pass ({UriVariable}, {NodesVariable}).");
        }
    }

    /// <summary>SIGKILL: the node's process dies at once, nothing flushed, every connection to it reset.</summary>
    public static Task KillAsync(int node) => ScriptAsync("kill", node.ToString(global::System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>As an operator takes a node out: <c>rabbitmqctl stop</c>, leaderships handed over first.</summary>
    public static Task StopAsync(int node) => ScriptAsync("stop-node", node.ToString(global::System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>Starts a node that is down, which rejoins the cluster, and waits until three nodes run.</summary>
    public static Task StartAsync(int node) => ScriptAsync("start-node", node.ToString(global::System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>Every node that is down is started again (a case that failed half-way leaves the next one whole).</summary>
    public static Task StartAllAsync() => ScriptAsync("start");

    /// <summary>The virtual host's queues as a running node sees them: name, type, leader (node number), members, messages.</summary>
    public static async Task<IReadOnlyList<ClusterQueue>> QueuesAsync(string virtualHost)
    {
        Exception? last = null;
        foreach (var node in new[] { 1, 2, 3 })
        {
            try
            {
                var json = await ScriptAsync("ctl", node.ToString(global::System.Globalization.CultureInfo.InvariantCulture), "-q", "list_queues", "-p", virtualHost,
                    "name", "type", "leader", "members", "messages", "--formatter", "json");
                return JsonDocument.Parse(json).RootElement.EnumerateArray().Select(ClusterQueue.From).ToList();
            }
            catch (InvalidOperationException ex)
            {
                last = ex;
            }
        }

        throw new InvalidOperationException("no node answered list_queues", last);
    }

    private static async Task<string> ScriptAsync(params string[] arguments)
    {
        var script = Path.Combine(RepositoryRoot(), "deploy", "local", "cluster.sh");
        using var process = Process.Start(new ProcessStartInfo(script, arguments) { RedirectStandardOutput = true, RedirectStandardError = true })
            ?? throw new InvalidOperationException("cluster.sh did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(4));
        await process.WaitForExitAsync(timeout.Token);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"cluster.sh {string.Join(' ', arguments)} exited {process.ExitCode}: {await output}{await error}");
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
