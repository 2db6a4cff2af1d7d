using Microsoft.Extensions.Options;

namespace Invitations.Worker.Dealers;

/// <summary>
/// Bounds the rows done alone at once in one worker. A row alone holds a database connection for each of its
/// transactions (not while the SMS gateway works); most deliveries in hand (<see cref="DealerOptions.ConcurrentMessageLimit"/>) wait in a group and
/// hold none, but when groups hand their rows back (codes short, a race) they would all run alone at once
/// and drain the connection pool.
/// </summary>
public sealed class SingleRowLimiter(IOptions<DealerOptions> options) : IDisposable
{
    private readonly SemaphoreSlim _slots = new(Math.Max(1, options.Value.SingleRowConcurrency));

    public async Task<T> RunAsync<T>(Func<Task<T>> work, CancellationToken cancellationToken)
    {
        await _slots.WaitAsync(cancellationToken);
        try
        {
            return await work();
        }
        finally
        {
            _slots.Release();
        }
    }

    public void Dispose() => _slots.Dispose();
}
