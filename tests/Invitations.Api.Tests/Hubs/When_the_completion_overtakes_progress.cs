using Invitations.Contracts.BulkInvitations;
using Invitations.Testing;

namespace Invitations.Api.Tests.Hubs;

/// <summary>Events of one job may arrive out of order: the completion first, the last progress events after it.</summary>
public sealed class When_the_completion_overtakes_progress
{
    private const int Rows = 50;

    [Test]
    public async Task Should_end_on_the_final_counts_and_send_nothing_after_the_completion()
    {
        var sponsorId = TestIds.NewSponsorId();
        var jobId = (await JobSeed.JobAsync(TestRun.Infrastructure, sponsorId, totalDealers: Rows, BulkJobStatus.Processing)).Id;
        await using var connection = await HubsRun.Second.ConnectAsync(HubsRun.Second.SponsorToken(sponsorId));
        var recorder = new ProgressRecorder(connection);
        var bus = HubsRun.First.Bus;

        for (var i = 1; i <= 30; i++)
        {
            await bus.Publish(Progress(jobId, sponsorId, i));
        }

        await bus.Publish(new BulkInvitationCompleted
        {
            BulkJobId = jobId,
            SponsorId = sponsorId,
            Status = BulkJobStatus.Completed,
            TotalDealers = Rows,
            SucceededDealers = Rows,
            FailedDealers = 0,
            SkippedDealers = 0,
            Sequence = Rows + 1,
            CompletedAt = DateTimeOffset.UtcNow,
        });
        for (var i = 31; i <= Rows; i++)
        {
            await bus.Publish(Progress(jobId, sponsorId, i));
        }

        // A marker job published last: once it is heard, everything before it has been handled.
        var marker = (await JobSeed.JobAsync(TestRun.Infrastructure, sponsorId)).Id;
        await bus.Publish(new BulkInvitationCompleted
        {
            BulkJobId = marker,
            SponsorId = sponsorId,
            Status = BulkJobStatus.Completed,
            TotalDealers = 3,
            SucceededDealers = 3,
            FailedDealers = 0,
            SkippedDealers = 0,
            Sequence = 1,
            CompletedAt = DateTimeOffset.UtcNow,
        });
        var deadline = DateTimeOffset.UtcNow.AddSeconds(30);
        while (!recorder.Completions.Any(c => c.BulkJobId == marker) && DateTimeOffset.UtcNow < deadline)
        {
            await Task.Delay(50);
        }

        var forJob = recorder.Messages
            .Where(m => m is Api.Hubs.BulkInvitationProgressMessage p ? p.BulkJobId == jobId : ((Api.Hubs.BulkInvitationCompletedMessage)m).BulkJobId == jobId)
            .ToList();
        var progress = forJob.OfType<Api.Hubs.BulkInvitationProgressMessage>().ToList();
        Assert.That(forJob[^1], Is.InstanceOf<Api.Hubs.BulkInvitationCompletedMessage>());
        Assert.That(forJob.OfType<Api.Hubs.BulkInvitationCompletedMessage>().Count(), Is.EqualTo(1));
        Assert.That(progress.Select(p => p.ProcessedDealers), Is.Ordered);
        Assert.That(progress[^1].ProgressPercentage, Is.EqualTo(100));
        Assert.That(progress[^1].Status, Is.EqualTo("Completed"));
    }

    private static BulkInvitationProgressed Progress(Guid jobId, long sponsorId, int processed) => new()
    {
        BulkJobId = jobId,
        SponsorId = sponsorId,
        Status = BulkJobStatus.Processing,
        TotalDealers = Rows,
        SucceededDealers = processed,
        FailedDealers = 0,
        SkippedDealers = 0,
        Sequence = processed,
        At = DateTimeOffset.UtcNow,
    };
}
