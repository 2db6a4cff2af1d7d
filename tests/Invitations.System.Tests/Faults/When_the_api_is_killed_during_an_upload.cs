using System.Diagnostics;
using Invitations.Testing.Sponsors;

namespace Invitations.System.Tests.Faults;

/// <summary>
/// Case 5: the Api SIGKILLed while it reads an upload (nothing may be left of it), then a new Api takes the same
/// upload again and is SIGKILLed right after answering 202 (the job must still run, once).
/// </summary>
public sealed class When_the_api_is_killed_during_an_upload
{
    [Test]
    public async Task Should_keep_nothing_of_the_cut_upload_and_finish_the_accepted_one_once()
    {
        await using var rig = await FaultRig.StartAsync();
        await rig.IssueCodesAsync(FaultRig.MidJobDealers);
        var file = DealerFile.Create(FaultRig.MidJobDealers);

        var body = new StalledStream(file, file.Length / 2);
        using (var cut = SponsorClient.UploadContent(new StreamContent(body)))
        {
            var upload = rig.Client.PostUploadAsync(cut);
            await body.Stalled.WaitAsync(TimeSpan.FromSeconds(30));
            await Task.Delay(200);
            await rig.Api.KillAsync();
            body.Release();
            Assert.That(async () => (await upload).Dispose(), Throws.InstanceOf<HttpRequestException>(), "the Api died before it answered");
        }

        await rig.StartApiAsync();
        Assert.That(await JobsAsync(rig), Is.Zero, "nothing is left of the upload the Api died reading");

        var (jobId, _) = await rig.Client.UploadAsync(file);
        await rig.Api.KillAsync();
        var leftAtKill = await rig.RowsLeftAsync(jobId);
        await rig.StartApiAsync();
        var sinceFaultEnded = Stopwatch.StartNew();

        Assert.That(leftAtKill, Is.Positive, "the Api died with the job still to do");
        await FaultOutcome.AssertRecoveredAsync(rig, "5 Api SIGKILL during an upload, then right after 202", sinceFaultEnded, jobId);
        Assert.That(await JobsAsync(rig), Is.EqualTo(1), "one job for the one upload accepted");
    }

    private static async Task<long> JobsAsync(FaultRig rig)
    {
        await using var command = rig.DataSource.CreateCommand("SELECT count(*) FROM bulk_invitation_jobs WHERE sponsor_id = @sponsor");
        command.Parameters.AddWithValue("sponsor", rig.SponsorId);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
