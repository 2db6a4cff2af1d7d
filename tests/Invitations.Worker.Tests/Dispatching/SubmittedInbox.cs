using System.Collections.Concurrent;
using Invitations.Contracts.BulkInvitations;
using MassTransit;

namespace Invitations.Worker.Tests.Dispatching;

/// <summary>Every <see cref="BulkInvitationSubmitted"/> that reached the broker and came back.</summary>
public sealed class SubmittedInbox
{
    private readonly ConcurrentQueue<Guid> _received = new();

    public IReadOnlyCollection<Guid> Received => _received;

    public void Add(Guid jobId) => _received.Enqueue(jobId);

    public async Task WaitForAsync(IEnumerable<Guid> jobIds, TimeSpan timeout)
    {
        var expected = jobIds.ToHashSet();
        using var cts = new CancellationTokenSource(timeout);
        while (!expected.IsSubsetOf(_received) && !cts.IsCancellationRequested)
        {
            await Task.Delay(50, CancellationToken.None);
        }
    }
}
