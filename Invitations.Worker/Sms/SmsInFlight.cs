using Microsoft.Extensions.Options;

namespace Invitations.Worker.Sms;

/// <summary>
/// Requests to the gateway at once from this process (<c>Sms:Http:MaxInFlight</c>), over every group: the rate
/// limiter paces them, this only bounds what a slow gateway can pile up.
/// </summary>
public sealed class SmsInFlight(IOptions<SmsOptions> options) : IDisposable
{
    private readonly SemaphoreSlim _slots = new(options.Value.Http.MaxInFlight, options.Value.Http.MaxInFlight);

    public async Task<IDisposable> EnterAsync(CancellationToken cancellationToken)
    {
        await _slots.WaitAsync(cancellationToken);
        return new Release(_slots);
    }

    public void Dispose() => _slots.Dispose();

    private sealed class Release(SemaphoreSlim slots) : IDisposable
    {
        private int _done;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _done, 1) == 0)
            {
                slots.Release();
            }
        }
    }
}
