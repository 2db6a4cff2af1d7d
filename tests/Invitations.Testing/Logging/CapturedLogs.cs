using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using NUnit.Framework;

namespace Invitations.Testing.Logging;

/// <summary>
/// Every line the in-process hosts of a test run log (ours from Debug, everything else from Information,
/// whatever the host's own levels), so the run can end with a scan for personal data.
/// </summary>
public sealed class CapturedLogs : ILoggerProvider
{
    private const int MaxLines = 500_000;
    private static readonly ConcurrentQueue<string> Captured = new();

    private static int _attached;

    public static IEnumerable<string> Lines => Captured;

    /// <summary>
    /// A host of this run was built with the provider: only then must there be lines. A filtered run may start no
    /// host at all, and then an empty capture is right.
    /// </summary>
    public static bool Attached => Volatile.Read(ref _attached) > 0;

    /// <summary>Fails when a host was built with the provider yet nothing reached it (the capture is miswired).</summary>
    public static void AssertCapturedWhereAttached(string what) =>
        Assert.That(!Attached || Lines.Any(), Is.True, $"{what}: a host was built with the capture, yet no line reached it");

    /// <summary>Adds the provider with its own levels, independent of the host's configuration.</summary>
    public static void AddTo(ILoggingBuilder logging)
    {
        Interlocked.Increment(ref _attached);
        logging.AddProvider(new CapturedLogs());
        logging.AddFilter<CapturedLogs>(null, LogLevel.Information);
        logging.AddFilter<CapturedLogs>("Invitations", LogLevel.Debug);
    }

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName);

    public void Dispose()
    {
    }

    private sealed class Logger(string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (Captured.Count < MaxLines)
            {
                Captured.Enqueue($"{logLevel} {category}: {formatter(state, exception)} {exception}");
            }
        }
    }
}
