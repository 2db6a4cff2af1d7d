using Invitations.Testing;

namespace Invitations.System.Tests.Faults;

/// <summary>The fault rig's stand-in for Kubernetes' liveness probe over its Workers (see <see cref="RunAsync"/>).</summary>
/// <param name="replace">Starts a new Worker with the settings of the one it replaces (all but those named).</param>
public sealed class WorkerSupervisor(Func<string[], Task> replace) : IAsyncDisposable
{
    private readonly Dictionary<ServiceProcess, string[]> _supervised = [];
    private readonly CancellationTokenSource _stopping = new();
    private Task _loop = Task.CompletedTask;
    private int _restarts;

    /// <summary>Workers replaced because they failed their liveness check.</summary>
    public int Restarts => Volatile.Read(ref _restarts);

    public void Start() => _loop = RunAsync(_stopping.Token);

    /// <summary>A Worker that has started: watched from now on.</summary>
    public void Watch(ServiceProcess worker, string[] withoutSettings)
    {
        lock (_supervised)
        {
            _supervised[worker] = withoutSettings;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        await _loop;
        _stopping.Dispose();
    }

    /// <summary>
    /// What runs the Workers in production does here too: Kubernetes' livenessProbe (deploy/k8s/worker.yaml: every
    /// 10 s, a 5 s timeout, restarted after two failures in a row) and deploy/local/run.sh's supervisor. A Worker
    /// that is alive but fails <c>/health/live</c> twice (its endpoint watchdog: a receive endpoint stuck for
    /// <c>RabbitMq:EndpointStuckLimit</c> while the broker answers, the RabbitMQ.Client hang a new process heals) is
    /// killed and replaced by a new one with its settings. A Worker that exited is left to the case: killing one is the
    /// fault some cases make.
    /// </summary>
    private async Task RunAsync(CancellationToken cancellationToken)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(10));
        var failures = new Dictionary<ServiceProcess, int>();
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                KeyValuePair<ServiceProcess, string[]>[] watched;
                lock (_supervised)
                {
                    watched = [.. _supervised];
                }

                foreach (var (worker, withoutSettings) in watched.Where(w => !w.Key.HasExited))
                {
                    bool live;
                    try
                    {
                        using var response = await http.GetAsync(new Uri(worker.BaseAddress, "health/live"), cancellationToken);
                        live = response.IsSuccessStatusCode;
                    }
                    catch (Exception ex) when (ex is HttpRequestException || (ex is TaskCanceledException && !cancellationToken.IsCancellationRequested))
                    {
                        live = false;
                    }

                    failures[worker] = live ? 0 : failures.GetValueOrDefault(worker) + 1;
                    if (failures[worker] < 2)
                    {
                        continue;
                    }

                    lock (_supervised)
                    {
                        _supervised.Remove(worker);
                    }

                    Interlocked.Increment(ref _restarts);
                    await TestContext.Progress.WriteLineAsync($"supervisor: Worker pid {worker.ProcessId} failed /health/live twice: replaced by a new one");
                    await worker.KillAsync();
                    await replace(withoutSettings);
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
    }
}
