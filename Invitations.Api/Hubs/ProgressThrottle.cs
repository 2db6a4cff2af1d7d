using System.Collections.Concurrent;
using Invitations.Contracts.BulkInvitations;
using Microsoft.Extensions.Options;

namespace Invitations.Api.Hubs;

/// <summary>
/// Per job: at most one progress per interval, the newest held back rather than dropped, nothing older
/// than what was already sent (the contracts' <c>Sequence</c>), and the completion preceded by its final
/// counts. Messages may arrive out of order on the queue; the sequence decides.
/// </summary>
public sealed partial class ProgressThrottle(
    ProgressBroadcaster broadcaster,
    IOptions<ProgressThrottleOptions> options,
    TimeProvider clock,
    ILogger<ProgressThrottle> logger)
{
    private readonly ConcurrentDictionary<Guid, JobProgressGate> _gates = new();

    public async Task OnProgressAsync(BulkInvitationProgressed message, CancellationToken cancellationToken)
    {
        var gate = _gates.GetOrAdd(message.BulkJobId, _ => new JobProgressGate());
        await gate.Lock.WaitAsync(cancellationToken);
        try
        {
            if (message.Sequence <= Math.Max(gate.LastSentSequence, gate.CompletedSequence ?? -1))
            {
                return;
            }

            var now = clock.GetUtcNow();
            var wait = options.Value.MinInterval - (now - gate.LastSentAt);
            if (wait <= TimeSpan.Zero)
            {
                gate.Pending = null;
                await SendAsync(gate, message, now, cancellationToken);
                return;
            }

            if (gate.Pending is null || gate.Pending.Sequence < message.Sequence)
            {
                gate.Pending = message;
            }

            gate.FlushTimer ??= clock.CreateTimer(_ => _ = FlushAsync(message.BulkJobId), null, wait, Timeout.InfiniteTimeSpan);
        }
        finally
        {
            gate.Lock.Release();
        }
    }

    public async Task OnCompletedAsync(BulkInvitationCompleted message, CancellationToken cancellationToken)
    {
        var gate = _gates.GetOrAdd(message.BulkJobId, _ => new JobProgressGate());
        await gate.Lock.WaitAsync(cancellationToken);
        try
        {
            if (message.Sequence <= (gate.CompletedSequence ?? -1))
            {
                return;
            }

            var now = clock.GetUtcNow();
            var final = FinalProgress(message, gate.Pending);
            if (gate.LastSentProcessed != final.ProcessedDealers() || gate.Pending is not null)
            {
                await SendAsync(gate, final, now, cancellationToken);
            }

            await broadcaster.SendCompletedAsync(message, cancellationToken);
            gate.Pending = null;
            gate.FlushTimer?.Dispose();
            gate.FlushTimer = null;
            gate.LastSentSequence = Math.Max(gate.LastSentSequence, message.Sequence);
            gate.CompletedSequence = message.Sequence;
            gate.FinishedAt = now;
        }
        finally
        {
            gate.Lock.Release();
        }

        ForgetQuietJobs();
    }

    private async Task FlushAsync(Guid jobId)
    {
        if (!_gates.TryGetValue(jobId, out var gate))
        {
            return;
        }

        await gate.Lock.WaitAsync();
        try
        {
            gate.FlushTimer?.Dispose();
            gate.FlushTimer = null;
            var pending = gate.Pending;
            gate.Pending = null;
            if (pending is not null && pending.Sequence > Math.Max(gate.LastSentSequence, gate.CompletedSequence ?? -1))
            {
                await SendAsync(gate, pending, clock.GetUtcNow(), CancellationToken.None);
            }
        }
        catch (Exception ex)
        {
            LogFlushFailed(logger, ex, jobId);
        }
        finally
        {
            gate.Lock.Release();
        }
    }

    private async Task SendAsync(JobProgressGate gate, BulkInvitationProgressed message, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await broadcaster.SendProgressAsync(message, cancellationToken);
        gate.LastSentSequence = message.Sequence;
        gate.LastSentAt = now;
        gate.LastSentProcessed = message.ProcessedDealers();
    }

    /// <summary>The completion's counts as a progress message, so the bar always ends on the final numbers.</summary>
    private static BulkInvitationProgressed FinalProgress(BulkInvitationCompleted completed, BulkInvitationProgressed? pending) =>
        new(completed, completed.CompletedAt)
        {
            LatestDealerEmailMasked = pending?.LatestDealerEmailMasked,
            LatestDealerSuccess = pending?.LatestDealerSuccess,
            LatestDealerError = pending?.LatestDealerError,
        };

    private void ForgetQuietJobs()
    {
        var cutoff = clock.GetUtcNow() - options.Value.FinishedRetention;
        foreach (var (jobId, gate) in _gates)
        {
            // Read without the lock: a gate removed a moment too early only lets a very late message through.
            // Jobs that went quiet without finishing (a stalled saga) are forgotten the same way.
            if ((gate.FinishedAt ?? gate.LastSentAt) < cutoff && gate.Pending is null)
            {
                _gates.TryRemove(jobId, out _);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not send held-back progress of job {JobId}")]
    private static partial void LogFlushFailed(ILogger logger, Exception exception, Guid jobId);
}
