using Invitations.Worker.Dealers;
using Microsoft.Extensions.Options;

namespace Invitations.Worker.Tests.Dealers;

/// <summary>Rows a group hands back all run alone at once; each holds a database connection, so they take turns.</summary>
public sealed class When_many_rows_are_done_alone
{
    [Test]
    public async Task Should_run_no_more_at_once_than_the_setting_allows()
    {
        using var gate = new SingleRowLimiter(Options.Create(new DealerOptions { SingleRowConcurrency = 3 }));
        var running = 0;
        var most = 0;
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        var rows = Enumerable.Range(0, 10).Select(row => gate.RunAsync(
            async () =>
            {
                var now = Interlocked.Increment(ref running);
                InterlockedMax(ref most, now);
                await release.Task;
                Interlocked.Decrement(ref running);
                return row;
            },
            CancellationToken.None)).ToList();

        // Three start at once; the other seven must still be waiting a while later.
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (Volatile.Read(ref running) < 3 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(10);
        }

        await Task.Delay(100);
        var startedBeforeRelease = Volatile.Read(ref running);
        release.SetResult();
        var done = await Task.WhenAll(rows);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(startedBeforeRelease, Is.EqualTo(3));
            Assert.That(most, Is.EqualTo(3));
            Assert.That(done, Is.EqualTo(Enumerable.Range(0, 10)));
        }
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int seen;
        while ((seen = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, seen) != seen)
        {
        }
    }
}
