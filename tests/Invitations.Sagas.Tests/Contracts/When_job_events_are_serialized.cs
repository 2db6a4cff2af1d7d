using System.Text.Json;
using System.Text.Json.Nodes;
using Invitations.Contracts.BulkInvitations;
using MassTransit;
using MassTransit.Serialization;

namespace Invitations.Sagas.Tests.Contracts;

/// <summary>
/// The job events share <see cref="BulkJobCounts"/>; on the wire they stay the flat JSON they always were, so a
/// process of the previous build reads them during a rolling deploy and this build reads the previous build's.
/// </summary>
public sealed class When_job_events_are_serialized
{
    private static readonly BulkJobCounts Counts = new()
    {
        BulkJobId = Guid.Parse("6f1d3a52-0c7e-4b8e-9a51-2d4f1c9e7b10"),
        SponsorId = 42,
        Status = BulkJobStatus.PartialSuccess,
        TotalDealers = 10,
        SucceededDealers = 6,
        FailedDealers = 3,
        SkippedDealers = 1,
        Sequence = 17,
    };

    private static readonly DateTimeOffset At = new(2026, 12, 3, 7, 0, 0, TimeSpan.Zero);

    [Test]
    public void Should_carry_every_count_from_the_counts_they_are_made_of()
    {
        var completed = new BulkInvitationCompleted(Counts, At);
        var progressed = new BulkInvitationProgressed(completed, At) { LatestDealerSuccess = true };
        using (Assert.EnterMultipleScope())
        {
            Assert.That(Comparable(completed), Is.EqualTo(Comparable(Counts)));
            Assert.That(Comparable(progressed), Is.EqualTo(Comparable(Counts)));
            Assert.That(completed.CompletedAt, Is.EqualTo(At));
            Assert.That(progressed.ProcessedDealers(), Is.EqualTo(10));
        }
    }

    [Test]
    public void Should_write_the_flat_json_of_the_previous_build()
    {
        var json = JsonSerializer.SerializeToNode(new BulkInvitationCompleted(Counts, At), SystemTextJsonMessageSerializer.Options)!.AsObject();
        Assert.That(
            json.Select(p => p.Key),
            Is.EquivalentTo(new[]
            {
                "bulkJobId", "sponsorId", "status", "totalDealers", "succeededDealers", "failedDealers", "skippedDealers",
                "sequence", "completedAt",
            }));
    }

    [Test]
    public void Should_read_the_flat_json_of_the_previous_build()
    {
        var previous = new JsonObject
        {
            ["bulkJobId"] = Counts.BulkJobId,
            ["sponsorId"] = 42,
            ["status"] = (int)BulkJobStatus.PartialSuccess,
            ["totalDealers"] = 10,
            ["succeededDealers"] = 6,
            ["failedDealers"] = 3,
            ["skippedDealers"] = 1,
            ["latestDealerEmailMasked"] = "a***@example.com",
            ["sequence"] = 17,
            ["at"] = At,
        };

        var read = previous.Deserialize<BulkInvitationProgressed>(SystemTextJsonMessageSerializer.Options)!;
        using (Assert.EnterMultipleScope())
        {
            Assert.That(Comparable(read), Is.EqualTo(Comparable(Counts)));
            Assert.That(read.LatestDealerEmailMasked, Is.EqualTo("a***@example.com"));
            Assert.That(read.At, Is.EqualTo(At));
        }
    }

    [Test]
    public void Should_not_give_the_shared_counts_an_exchange_of_their_own()
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(Excluded<BulkJobCounts>(), Is.True);
            Assert.That(Excluded<BulkInvitationProgressed>(), Is.False);
            Assert.That(Excluded<BulkInvitationCompleted>(), Is.False);
        }
    }

    /// <summary>Whether the publish topology leaves the type out of the broker (no exchange, no binding).</summary>
    private static bool Excluded<T>()
        where T : class =>
        ((IMessagePublishTopology<T>)GlobalTopology.Publish.GetMessageTopology<T>()).Exclude;

    /// <summary>The counts alone, as a plain record, so events of different types compare by them.</summary>
    private static BulkJobCounts Comparable(BulkJobCounts counts) => new()
    {
        BulkJobId = counts.BulkJobId,
        SponsorId = counts.SponsorId,
        Status = counts.Status,
        TotalDealers = counts.TotalDealers,
        SucceededDealers = counts.SucceededDealers,
        FailedDealers = counts.FailedDealers,
        SkippedDealers = counts.SkippedDealers,
        Sequence = counts.Sequence,
    };
}
