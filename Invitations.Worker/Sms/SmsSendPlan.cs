namespace Invitations.Worker.Sms;

/// <summary>
/// How a round of messages goes out: in requests of up to <c>Sms:Http:BatchSize</c>, every request paying for the
/// same number of slots and leaving at the last of them, so requests follow one another at one even spacing over
/// every group and Worker. A gateway that counts messages per second then sees at most
/// <c>floor(rate / BatchSize)</c> requests in any second, that is at most its limit in messages, whatever second it
/// counts in. Two things would break that: a short batch (the end of a group) paid by its own messages only lets
/// the next request leave early and carry up to a batch more into one second; and a batch size that does not divide
/// the rate (7 at 100/s) fits 15 requests, 105 messages, into some seconds. So a request costs
/// <c>rate / floor(rate / BatchSize)</c> slots (10 at 100/s for batches of 10, 7.14 for batches of 7).
/// </summary>
public sealed class SmsSendPlan
{
    private SmsSendPlan(int[][] batches, double slotsPerRequest)
    {
        Batches = batches;
        SlotsPerRequest = slotsPerRequest;
    }

    /// <summary>The messages' indexes, request by request.</summary>
    public IReadOnlyList<int[]> Batches { get; }

    public double SlotsPerRequest { get; }

    /// <summary>Slots to ask the limiter for.</summary>
    public double Slots => Batches.Count * SlotsPerRequest;

    /// <param name="ratePerSecond">The gateway's limit (<c>Sms:RatePerSecond</c>); 0: none.</param>
    public static SmsSendPlan For(IReadOnlyList<int> pending, int batchSize, double ratePerSecond)
    {
        var size = Math.Max(1, batchSize);
        var requestsPerSecond = Math.Floor(ratePerSecond / size);
        var slots = requestsPerSecond >= 1 ? ratePerSecond / requestsPerSecond : size;
        return new SmsSendPlan(pending.Chunk(size).ToArray(), slots);
    }

    /// <summary>The slot request <paramref name="batch"/> leaves at (from the round's first): its last.</summary>
    public double SlotOf(int batch) => ((batch + 1) * SlotsPerRequest) - 1;
}
