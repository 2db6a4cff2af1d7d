using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Invitations.Testing;

/// <summary>
/// An Api or Worker running as its own process, as in production: built output, its own configuration,
/// killable with SIGKILL. Its console output is kept so tests can read (and scan) its logs.
/// </summary>
public sealed class ServiceProcess : IAsyncDisposable
{
    private readonly ConcurrentQueue<string> _output = new();
    private readonly string _project;
    private readonly Dictionary<string, string?> _environment;
    private readonly string[] _arguments;
    private Process? _process;

    private ServiceProcess(string project, int port, Dictionary<string, string?> environment, params string[] arguments)
    {
        _project = project;
        Port = port;
        _environment = environment;
        _arguments = arguments;
    }

    public int Port { get; }
    public Uri BaseAddress => new($"http://127.0.0.1:{Port}/");
    public IReadOnlyCollection<string> Output => _output;
    public bool HasExited => _process?.HasExited ?? true;
    public int? ExitCode => _process is { HasExited: true } p ? p.ExitCode : null;
    public int ProcessId => _process?.Id ?? throw new InvalidOperationException("not started");

    public static ServiceProcess Api(TestInfrastructure infrastructure, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var port = FreePort();
        var environment = Base(infrastructure, settings);
        environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        return new ServiceProcess("Invitations.Api", port, environment);
    }

    public static ServiceProcess Worker(TestInfrastructure infrastructure, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var port = FreePort();
        var environment = Base(infrastructure, settings);
        environment["Health__Urls"] = $"http://127.0.0.1:{port}";

        // Tests run outside Development: the Log provider (no SMS leaves the machine) must be allowed on purpose.
        environment.TryAdd("Sms__AllowLogProvider", "true");
        return new ServiceProcess("Invitations.Worker", port, environment);
    }

    /// <summary>The SMS gateway stub (tests/Invitations.SmsGatewayStub) on a free loopback port, with its options as arguments.</summary>
    public static ServiceProcess SmsGatewayStub(params string[] options)
    {
        var port = FreePort();
        var environment = new Dictionary<string, string?> { ["DOTNET_ENVIRONMENT"] = "Production" };
        return new ServiceProcess("Invitations.SmsGatewayStub", port, environment, ["--urls", $"http://127.0.0.1:{port}", .. options]);
    }

    /// <summary>Starts the process and waits until its /health/ready answers 200 (or it exits).</summary>
    public async Task StartAsync(TimeSpan? timeout = null)
    {
        Start();
        await WaitReadyAsync(timeout ?? TimeSpan.FromSeconds(60));
    }

    public void Start()
    {
        var info = new ProcessStartInfo("dotnet", [DllPath(_project), .. _arguments])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(DllPath(_project))!,
        };
        foreach (var (key, value) in _environment)
        {
            info.Environment[key] = value;
        }

        _process = Process.Start(info) ?? throw new InvalidOperationException($"{_project} did not start");
        _process.OutputDataReceived += (_, e) => Keep(e.Data);
        _process.ErrorDataReceived += (_, e) => Keep(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public async Task WaitReadyAsync(TimeSpan timeout)
    {
        using var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (HasExited)
            {
                throw new InvalidOperationException($"{_project} exited with {ExitCode}:\n{Tail()}");
            }

            try
            {
                using var response = await http.GetAsync("health/ready");
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
            }

            await Task.Delay(200);
        }

        throw new TimeoutException($"{_project} was not ready after {timeout}:\n{Tail()}");
    }

    /// <summary>SIGKILL: no shutdown, no cleanup, messages in flight are redelivered by the broker.</summary>
    public async Task KillAsync()
    {
        if (_process is { HasExited: false } p)
        {
            p.Kill(entireProcessTree: true);
            await p.WaitForExitAsync();
        }
    }

    /// <summary>SIGTERM, as an orchestrator stops a process, then waits for it to exit.</summary>
    public async Task StopAsync(TimeSpan? timeout = null)
    {
        if (_process is not { HasExited: false } p)
        {
            return;
        }

        using (var kill = Process.Start("kill", ["-TERM", p.Id.ToString(CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }

        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(30));
        try
        {
            await p.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            await KillAsync();
        }
    }

    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        var process = _process ?? throw new InvalidOperationException("not started");
        using var cts = new CancellationTokenSource(timeout);
        await process.WaitForExitAsync(cts.Token);
        return process.ExitCode;
    }

    public string Tail(int lines = 40) => string.Join('\n', _output.TakeLast(lines));

    public async ValueTask DisposeAsync()
    {
        await StopAsync(TimeSpan.FromSeconds(15));
        _process?.Dispose();
    }

    private void Keep(string? line)
    {
        if (line is not null)
        {
            _output.Enqueue(line);
        }
    }

    private static Dictionary<string, string?> Base(TestInfrastructure infrastructure, IReadOnlyDictionary<string, string?>? settings)
    {
        var environment = new Dictionary<string, string?>
        {
            ["DOTNET_ENVIRONMENT"] = "Testing",
            ["ASPNETCORE_ENVIRONMENT"] = "Testing",
            ["Auth__SigningKey"] = TestSettings.SigningKey,
            ["Auth__DevTokens"] = "true",
        };
        foreach (var (key, value) in infrastructure.Configuration.Concat(settings ?? new Dictionary<string, string?>()))
        {
            environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        return environment;
    }

    private static string DllPath(string project)
    {
        // The services are built beside the tests, in the same configuration (Debug or Release).
        var testDirectory = new DirectoryInfo(AppContext.BaseDirectory);
        var framework = testDirectory.Name;
        var configuration = testDirectory.Parent!.Name;
        for (var dir = testDirectory; dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, project, "bin", configuration, framework, project + ".dll");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException($"{project}.dll ({configuration}) not found: build the solution first.");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
