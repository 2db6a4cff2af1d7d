using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Invitations.SmsGatewayStub;

/// <summary>
/// The gateway's behaviour and records: decides each request's answer from the current <see cref="StubMode"/>,
/// keeps every accepted SMS and counts every kind of answer. Safe for concurrent requests.
/// </summary>
public sealed class SmsGateway(StubMode initial, TimeProvider time)
{
    private readonly Lock _lock = new();
    private readonly ConcurrentDictionary<string, string> _answers = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<AcceptedSms> _accepted = new();
    private StubMode _mode = initial;
    private int _slowLeft = initial.SlowRequests;
    private long _failCandidates;
    private long _window;
    private int _inWindow;
    private long _requests, _acceptedCount, _slow, _repeated, _failed, _down, _rateLimited, _unauthorized, _badRequests;

    public StubMode Mode
    {
        get { lock (_lock) { return _mode; } }
    }

    public IReadOnlyCollection<AcceptedSms> Accepted => _accepted;

    /// <summary>Called with each newly accepted SMS's id (the delivery reporter listens).</summary>
    public Action<string>? OnAccepted { get; set; }

    /// <summary>Overlays the properties the JSON names on the current mode; a slow count given starts counting again.</summary>
    public StubMode Apply(JsonObject changes)
    {
        lock (_lock)
        {
            var merged = JsonSerializer.SerializeToNode(_mode, JsonSerializerOptions.Web)!.AsObject();
            foreach (var (name, value) in changes)
            {
                var key = merged.Select(p => p.Key).FirstOrDefault(k => string.Equals(k, name, StringComparison.OrdinalIgnoreCase))
                    ?? throw new ArgumentException($"unknown mode property '{name}'");
                merged[key] = value?.DeepClone();
            }

            _mode = merged.Deserialize<StubMode>(JsonSerializerOptions.Web)!;
            if (changes.Any(c => string.Equals(c.Key, nameof(StubMode.SlowRequests), StringComparison.OrdinalIgnoreCase)))
            {
                _slowLeft = _mode.SlowRequests;
            }

            return _mode;
        }
    }

    public StubStats Stats() => new()
    {
        Requests = Interlocked.Read(ref _requests),
        Accepted = Interlocked.Read(ref _acceptedCount),
        Slow = Interlocked.Read(ref _slow),
        Repeated = Interlocked.Read(ref _repeated),
        Failed = Interlocked.Read(ref _failed),
        Down = Interlocked.Read(ref _down),
        RateLimited = Interlocked.Read(ref _rateLimited),
        Unauthorized = Interlocked.Read(ref _unauthorized),
        BadRequests = Interlocked.Read(ref _badRequests),
    };

    public async Task<IResult> HandleAsync(HttpRequest request, CancellationToken aborted)
    {
        Interlocked.Increment(ref _requests);
        var mode = Mode;
        if (!StubRequests.Authorized(request, mode))
        {
            Interlocked.Increment(ref _unauthorized);
            return Results.Unauthorized();
        }

        if (mode.Down)
        {
            Interlocked.Increment(ref _down);
            return Results.StatusCode(StatusCodes.Status503ServiceUnavailable);
        }

        if (FailsThisOne(mode))
        {
            Interlocked.Increment(ref _failed);
            return Results.StatusCode(StatusCodes.Status503ServiceUnavailable);
        }

        var (to, text) = await StubRequests.ReadBodyAsync(request, aborted);
        if (to is null || text is null)
        {
            Interlocked.Increment(ref _badRequests);
            return Results.BadRequest("the body must be {\"to\":\"…\",\"text\":\"…\"}");
        }

        var key = mode.HonourIdempotencyKey ? request.Headers[mode.IdempotencyHeader].FirstOrDefault() : null;
        if (!string.IsNullOrEmpty(key) && _answers.TryGetValue(key, out var firstId))
        {
            return await RepeatAsync(request, firstId, mode, aborted);
        }

        if (!WithinRateLimit(mode))
        {
            Interlocked.Increment(ref _rateLimited);
            if (mode.RetryAfter)
            {
                request.HttpContext.Response.Headers.RetryAfter = "1";
            }

            return Results.StatusCode(StatusCodes.Status429TooManyRequests);
        }

        var id = Guid.NewGuid().ToString("N");
        if (!string.IsNullOrEmpty(key) && !_answers.TryAdd(key, id))
        {
            return await RepeatAsync(request, _answers[key], mode, aborted);
        }

        Record(id, request.Headers[mode.IdempotencyHeader].FirstOrDefault(), to, text);
        var slow = TakeSlow();
        if (slow)
        {
            Interlocked.Increment(ref _slow);
        }

        await StubRequests.DelayAsync(slow ? mode.SlowMs : mode.LatencyMs, aborted);
        return StubRequests.Answer(request, id);
    }

    /// <summary>A new SMS accepted: kept, counted and (when configured) reported on later.</summary>
    internal void Record(string id, string? key, string to, string text)
    {
        _accepted.Enqueue(new AcceptedSms(time.GetUtcNow(), id, key, to, text));
        Interlocked.Increment(ref _acceptedCount);
        OnAccepted?.Invoke(id);
    }

    internal void Count(StubAnswer answer, long count = 1) => _ = answer switch
    {
        StubAnswer.Request => Interlocked.Add(ref _requests, count),
        StubAnswer.Down => Interlocked.Add(ref _down, count),
        StubAnswer.RateLimited => Interlocked.Add(ref _rateLimited, count),
        StubAnswer.Unauthorized => Interlocked.Add(ref _unauthorized, count),
        _ => Interlocked.Add(ref _badRequests, count),
    };

    private async Task<IResult> RepeatAsync(HttpRequest request, string firstId, StubMode mode, CancellationToken aborted)
    {
        Interlocked.Increment(ref _repeated);
        await StubRequests.DelayAsync(mode.LatencyMs, aborted);
        return StubRequests.Answer(request, firstId);
    }

    /// <summary>Request n of those reaching this check fails when n·f crosses an integer: an even spread, no randomness.</summary>
    private bool FailsThisOne(StubMode mode)
    {
        if (mode.FailFraction <= 0)
        {
            return false;
        }

        var n = Interlocked.Increment(ref _failCandidates);
        return Math.Floor(n * mode.FailFraction) > Math.Floor((n - 1) * mode.FailFraction);
    }

    internal bool WithinRateLimit(StubMode mode)
    {
        if (mode.RateLimitPerSecond <= 0)
        {
            return true;
        }

        var second = time.GetUtcNow().ToUnixTimeSeconds();
        lock (_lock)
        {
            if (second != _window)
            {
                _window = second;
                _inWindow = 0;
            }

            return ++_inWindow <= mode.RateLimitPerSecond;
        }
    }

    private bool TakeSlow()
    {
        lock (_lock)
        {
            if (_slowLeft <= 0)
            {
                return false;
            }

            _slowLeft--;
            return true;
        }
    }
}
