using Invitations.Worker.Sms;

namespace Invitations.Worker.Tests.Sms;

/// <summary>
/// Groups of every size, back to back on one shared slot line as the limiter hands it out (at the full rate, no
/// headroom): whatever second the gateway counts in, the requests leaving in it carry at most its limit in messages.
/// Paid by their own messages only, short batches let a second carry up to a batch more; a batch size that does not
/// divide the rate, up to a batch more again.
/// </summary>
public sealed class When_rounds_of_sms_are_planned
{
    private const int Rate = 100;

    [TestCase(1)]
    [TestCase(10)]
    [TestCase(7)]
    [TestCase(30)]
    [TestCase(100)]
    public void Should_never_put_more_than_the_limit_into_any_second(int batchSize)
    {
        var random = new Random(batchSize);
        var leaving = new List<(double Slot, int Messages)>();
        var next = 0.0;
        for (var round = 0; round < 300; round++)
        {
            var plan = SmsSendPlan.For(Enumerable.Range(0, random.Next(1, 101)).ToArray(), batchSize, Rate);
            for (var b = 0; b < plan.Batches.Count; b++)
            {
                leaving.Add((next + plan.SlotOf(b), plan.Batches[b].Length));
            }

            next += plan.Slots;
        }

        // A second is Rate slots; the busiest one starts with some request.
        var busiest = leaving.Max(start => leaving.Where(l => l.Slot >= start.Slot && l.Slot < start.Slot + Rate - 1e-9).Sum(l => l.Messages));
        Assert.That(busiest, Is.LessThanOrEqualTo(Rate), $"the busiest second carries {busiest} messages at a limit of {Rate}");
    }

    [Test]
    public void Should_send_every_message_once_in_requests_of_the_batch_size()
    {
        var plan = SmsSendPlan.For([4, 7, 9, 12, 15, 20, 21, 30, 31, 33, 40, 41, 50], 10, Rate);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(plan.Batches.SelectMany(b => b), Is.EqualTo(new[] { 4, 7, 9, 12, 15, 20, 21, 30, 31, 33, 40, 41, 50 }));
            Assert.That(plan.Batches.Select(b => b.Length), Is.EqualTo(new[] { 10, 3 }));
            Assert.That(plan.Slots, Is.EqualTo(20), "the short batch pays for a whole batch");
            Assert.That(new[] { plan.SlotOf(0), plan.SlotOf(1) }, Is.EqualTo(new[] { 9.0, 19.0 }), "each request leaves at its last slot");
        }
    }

    [Test]
    public void Should_send_one_message_a_slot_without_batches_or_limit()
    {
        var plan = SmsSendPlan.For([0, 1, 2], 1, 0);

        Assert.That(new[] { plan.Slots, plan.SlotOf(0), plan.SlotOf(2) }, Is.EqualTo(new[] { 3.0, 0.0, 2.0 }));
    }
}
