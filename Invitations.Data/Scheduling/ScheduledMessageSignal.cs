namespace Invitations.Data.Scheduling;

/// <summary>Wakes this process's delivery loop before its poll interval: a message was committed due now.</summary>
public sealed class ScheduledMessageSignal
{
    private readonly SemaphoreSlim _signal = new(0, 1);

    public void Notify()
    {
        if (_signal.CurrentCount == 0)
        {
            try
            {
                _signal.Release();
            }
            catch (SemaphoreFullException)
            {
                // Another notify got there first: one wake-up is enough.
            }
        }
    }

    /// <summary>Waits for a notify or the timeout; a notify that came while nobody waited is not lost.</summary>
    public Task WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => _signal.WaitAsync(timeout, cancellationToken);
}
