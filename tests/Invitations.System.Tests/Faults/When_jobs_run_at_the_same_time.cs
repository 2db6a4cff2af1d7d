using System.Diagnostics;
using Invitations.System.Tests.Support;
using Invitations.Testing;
using Invitations.Testing.Sponsors;

namespace Invitations.System.Tests.Faults;

public sealed class When_jobs_run_at_the_same_time
{
    [Test]
    public async Task Should_finish_two_jobs_of_one_sponsor_and_one_of_another_without_mixing_anything()
    {
        await using var rig = await FaultRig.StartAsync();
        var other = TestIds.NewSponsorId();
        await SponsorClient.IssueCodesAsync(rig.Api.BaseAddress, other, "M", 200);
        await using var otherClient = await SponsorClient.ConnectAsync(rig.Api.BaseAddress, other);

        var clock = Stopwatch.StartNew();
        var uploads = await Task.WhenAll(
            rig.UploadAsync(200),
            rig.UploadAsync(200),
            otherClient.UploadAsync(DealerFile.Create(200)).ContinueWith(t => t.Result.JobId, TaskScheduler.Default));
        rig.OtherSponsorsJobs.Add(uploads[2]);
        var other200 = await otherClient.WaitForStatusAsync(uploads[2], s => s.GetProperty("status").GetString() == "Completed", TimeSpan.FromSeconds(90));

        Assert.That(other200.GetProperty("successfulInvitations").GetInt32(), Is.EqualTo(200));
        await JobInvariants.AssertHoldAsync(rig.DataSource, uploads[2], other, codesIssued: 200);
        await FaultOutcome.AssertRecoveredAsync(rig, "jobs at the same time (no fault)", clock, uploads[0], uploads[1]);
    }
}
