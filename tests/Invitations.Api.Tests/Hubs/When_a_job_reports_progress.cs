using Invitations.Api.Hubs;
using Invitations.Contracts.BulkInvitations;
using Invitations.Testing;
using MassTransit;
using Microsoft.AspNetCore.SignalR.Client;

namespace Invitations.Api.Tests.Hubs;

/// <summary>A 200-row job's events published on the real broker, heard by real SignalR clients on two Api instances.</summary>
public sealed class When_a_job_reports_progress
{
    private const int Rows = 200;
    private const string FullEmail = "ahmet.yilmaz@example.com";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private long _ownerId;
    private long _strangerId;
    private Guid _jobId;
    private ProgressRecorder _owner = null!;
    private ProgressRecorder _support = null!;
    private ProgressRecorder _strangerFirst = null!;
    private ProgressRecorder _strangerSecond = null!;
    private readonly List<HubConnection> _connections = [];

    [OneTimeSetUp]
    public async Task RunTheJobAsync()
    {
        _ownerId = TestIds.NewSponsorId();
        _strangerId = TestIds.NewSponsorId();
        _jobId = (await JobSeed.JobAsync(TestRun.Infrastructure, _ownerId, totalDealers: Rows, BulkJobStatus.Processing)).Id;
        _owner = await ListenAsync(HubsRun.First, HubsRun.First.SponsorToken(_ownerId));
        _support = await ListenAsync(HubsRun.Second, HubsRun.Second.SupportToken());
        await _connections[^1].InvokeAsync("SubscribeToJob", _jobId);
        _strangerFirst = await ListenAsync(HubsRun.First, HubsRun.First.SponsorToken(_strangerId));
        _strangerSecond = await ListenAsync(HubsRun.Second, HubsRun.Second.SponsorToken(_strangerId));

        var bus = HubsRun.First.Bus;
        var clock = System.Diagnostics.Stopwatch.StartNew();
        for (var i = 1; i <= Rows; i++)
        {
            await bus.Publish(Progress(_jobId, _ownerId, sequence: i, processed: i));
        }

        var published = clock.Elapsed;
        await bus.Publish(Completion(_jobId, _ownerId, sequence: Rows + 1));
        await Task.WhenAll(_owner.Completed, _support.Completed).WaitAsync(Patience);
        var heard = clock.Elapsed - published;

        // A redelivered completion and a straggling old progress after it must change nothing.
        await bus.Publish(Completion(_jobId, _ownerId, sequence: Rows + 1));
        await bus.Publish(Progress(_jobId, _ownerId, sequence: Rows - 5, processed: Rows - 5));

        // Markers published last: once they arrive, whatever came before them has arrived too.
        var ownerMarker = (await JobSeed.JobAsync(TestRun.Infrastructure, _ownerId)).Id;
        var strangerMarker = (await JobSeed.JobAsync(TestRun.Infrastructure, _strangerId)).Id;
        await bus.Publish(Completion(ownerMarker, _ownerId, sequence: 1));
        await bus.Publish(Completion(strangerMarker, _strangerId, sequence: 1));
        await WaitForAsync(_owner, ownerMarker);
        await WaitForAsync(_strangerFirst, strangerMarker);
        await WaitForAsync(_strangerSecond, strangerMarker);

        TestContext.Progress.WriteLine($"{Rows} progress events (published in {published.TotalMilliseconds:F0} ms) reached the owner as " +
            $"{_owner.Progress.Count(p => p.BulkJobId == _jobId)} SignalR messages; the completion reached both instances' clients {heard.TotalMilliseconds:F0} ms after its publish.");
    }

    [OneTimeTearDown]
    public async Task DisconnectAsync()
    {
        foreach (var connection in _connections)
        {
            await connection.DisposeAsync();
        }
    }

    [Test]
    public void Should_show_the_owner_progress_that_never_goes_back_and_ends_at_100_percent()
    {
        var progress = _owner.Progress.Where(p => p.BulkJobId == _jobId).ToList();

        Assert.That(progress, Is.Not.Empty);
        Assert.That(progress.Select(p => p.ProcessedDealers), Is.Ordered);
        Assert.That(progress.Select(p => p.ProgressPercentage), Is.Ordered);
        Assert.That(progress[^1].ProgressPercentage, Is.EqualTo(100));
        Assert.That(progress[^1].SuccessfulInvitations, Is.EqualTo(180));
        Assert.That(progress[^1].FailedInvitations, Is.EqualTo(20));
    }

    [Test]
    public void Should_tell_the_owner_of_the_completion_exactly_once_and_last()
    {
        var forJob = _owner.Messages.Where(m => m is BulkInvitationProgressMessage p ? p.BulkJobId == _jobId : ((BulkInvitationCompletedMessage)m).BulkJobId == _jobId).ToList();
        var completions = forJob.OfType<BulkInvitationCompletedMessage>().ToList();

        Assert.That(completions, Has.Count.EqualTo(1));
        Assert.That(forJob[^1], Is.SameAs(completions[0]));
        Assert.That(completions[0].Status, Is.EqualTo("PartialSuccess"));
        Assert.That(completions[0].SuccessCount, Is.EqualTo(180));
        Assert.That(completions[0].FailedCount, Is.EqualTo(20));
    }

    [Test]
    public void Should_reach_support_subscribed_through_another_api_instance()
    {
        Assert.That(_support.Completions.Where(c => c.BulkJobId == _jobId).ToList(), Has.Count.EqualTo(1));
        Assert.That(_support.Progress.Where(p => p.BulkJobId == _jobId).Select(p => p.ProcessedDealers), Is.Ordered);
    }

    [Test]
    public void Should_tell_another_sponsor_nothing_about_it()
    {
        Assert.That(_strangerFirst.Messages, Is.Not.Empty, "the stranger's own marker arrived");
        Assert.That(_strangerFirst.Progress.Concat(_strangerSecond.Progress).Select(p => p.BulkJobId), Has.No.Member(_jobId));
        Assert.That(_strangerFirst.Completions.Concat(_strangerSecond.Completions).Select(c => c.BulkJobId), Has.No.Member(_jobId));
    }

    [Test]
    public void Should_never_show_a_full_dealer_email()
    {
        var emails = _owner.Progress.Select(p => p.LatestDealerEmail).Where(e => e is not null).ToList();

        Assert.That(emails, Is.Not.Empty);
        Assert.That(emails, Has.None.Contains(FullEmail));
        Assert.That(emails, Has.All.EqualTo("a***z@e***.com"));
    }

    private async Task<ProgressRecorder> ListenAsync(LiveApi api, string token)
    {
        var connection = await api.ConnectAsync(token);
        _connections.Add(connection);
        return new ProgressRecorder(connection);
    }

    private static async Task WaitForAsync(ProgressRecorder recorder, Guid jobId)
    {
        var deadline = DateTimeOffset.UtcNow + Patience;
        while (!recorder.Completions.Any(c => c.BulkJobId == jobId))
        {
            if (DateTimeOffset.UtcNow > deadline)
            {
                Assert.Fail($"No completion of job {jobId} arrived.");
            }

            await Task.Delay(50);
        }
    }

    private static BulkInvitationProgressed Progress(Guid jobId, long sponsorId, long sequence, int processed) => new()
    {
        BulkJobId = jobId,
        SponsorId = sponsorId,
        Status = BulkJobStatus.Processing,
        TotalDealers = Rows,
        SucceededDealers = processed - (processed / 10),
        FailedDealers = processed / 10,
        SkippedDealers = 0,
        LatestDealerEmailMasked = FullEmail,
        LatestDealerSuccess = processed % 10 != 0,
        LatestDealerError = processed % 10 == 0 ? "SMS rejected" : null,
        Sequence = sequence,
        At = DateTimeOffset.UtcNow,
    };

    private static BulkInvitationCompleted Completion(Guid jobId, long sponsorId, long sequence) => new()
    {
        BulkJobId = jobId,
        SponsorId = sponsorId,
        Status = BulkJobStatus.PartialSuccess,
        TotalDealers = Rows,
        SucceededDealers = 180,
        FailedDealers = 20,
        SkippedDealers = 0,
        Sequence = sequence,
        CompletedAt = DateTimeOffset.UtcNow,
    };
}
