using Invitations.System.Tests.Support;
using Invitations.Testing;
using Invitations.Testing.Logging;
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

        var uploads = await Task.WhenAll(
            rig.UploadAsync(200),
            rig.UploadAsync(200),
            otherClient.UploadAsync(DealerFile.Create(200)).ContinueWith(t => t.Result.JobId, TaskScheduler.Default));
        var statuses = await Task.WhenAll(
            rig.WaitUntilFinalAsync(uploads[0]),
            rig.WaitUntilFinalAsync(uploads[1]),
            otherClient.WaitForStatusAsync(uploads[2], s => s.GetProperty("status").GetString() == "Completed", TimeSpan.FromSeconds(90)));

        Assert.That(statuses.Select(s => s.GetProperty("status").GetString()), Has.All.EqualTo("Completed"));
        Assert.That(statuses.Select(s => s.GetProperty("successfulInvitations").GetInt32()), Has.All.EqualTo(200));
        await rig.AssertInvariantsAsync(uploads[0]);
        await rig.AssertInvariantsAsync(uploads[1]);
        await JobInvariants.AssertHoldAsync(rig.DataSource, uploads[2], other, codesIssued: 200);
        LogScan.AssertNoPersonalData(rig.Output);
    }
}
