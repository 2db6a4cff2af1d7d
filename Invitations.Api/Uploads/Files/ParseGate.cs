using Microsoft.Extensions.Options;

namespace Invitations.Api.Uploads.Files;

/// <summary>
/// How many uploads this process parses at once (<c>Uploads:MaxConcurrentParses</c>): each parse holds its file
/// and what it has read, so a burst of uploads cannot add up past the pod's memory. A caller waits at most one
/// parse's time budget for a slot, then is told to come back (503 with Retry-After).
/// </summary>
public sealed class ParseGate(IOptions<UploadOptions> options) : IDisposable
{
    private readonly SemaphoreSlim _slots = new(options.Value.MaxConcurrentParses, options.Value.MaxConcurrentParses);

    /// <summary>A slot to release by disposing it, or null when none came free within the wait.</summary>
    public async Task<IDisposable?> EnterAsync(CancellationToken cancellationToken) =>
        await _slots.WaitAsync(options.Value.ParseTimeout, cancellationToken) ? new Slot(_slots) : null;

    public void Dispose() => _slots.Dispose();

    private sealed class Slot(SemaphoreSlim slots) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                slots.Release();
            }
        }
    }
}
