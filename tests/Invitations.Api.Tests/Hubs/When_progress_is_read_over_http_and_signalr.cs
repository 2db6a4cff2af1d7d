using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Invitations.Api.Hubs;
using Invitations.Api.Jobs;
using Invitations.Contracts.BulkInvitations;
using Invitations.Testing;
using Microsoft.AspNetCore.SignalR.Client;

namespace Invitations.Api.Tests.Hubs;

/// <summary>Two of three rows done: the status endpoint, GetJobStatus and the live message show the same one-decimal percentage.</summary>
public sealed class When_progress_is_read_over_http_and_signalr
{
    [Test]
    public async Task Should_show_the_same_percentage_everywhere()
    {
        var sponsorId = TestIds.NewSponsorId();
        var job = await JobSeed.JobAsync(TestRun.Infrastructure, sponsorId, totalDealers: 3, BulkJobStatus.Processing, withSaga: true);
        var token = HubsRun.First.SponsorToken(sponsorId);
        await using var connection = await HubsRun.First.ConnectAsync(token);
        var recorder = new ProgressRecorder(connection);

        await HubsRun.First.Bus.Publish(new BulkInvitationProgressed
        {
            BulkJobId = job.Id,
            SponsorId = sponsorId,
            Status = BulkJobStatus.Processing,
            TotalDealers = 3,
            SucceededDealers = 1,
            FailedDealers = 1,
            SkippedDealers = 0,
            Sequence = 1,
            At = DateTimeOffset.UtcNow,
        });
        var live = await WaitForProgressAsync(recorder, job.Id);
        var hub = await connection.InvokeAsync<BulkInvitationStatusResponse>("GetJobStatus", job.Id);
        using var http = new HttpClient { BaseAddress = HubsRun.First.Address };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var status = await http.GetFromJsonAsync<JsonElement>($"/api/v1/bulk-invitations/{job.Id}");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(status.GetProperty("progressPercentage").GetRawText(), Is.EqualTo("66.6"));
            Assert.That(status.GetProperty("processedDealers").GetInt32(), Is.EqualTo(2));
            Assert.That(hub.ProgressPercentage, Is.EqualTo(66.6));
            Assert.That(live.ProgressPercentage, Is.EqualTo(66.6));
            Assert.That(live.ProcessedDealers, Is.EqualTo(2));
        }
    }

    private static async Task<BulkInvitationProgressMessage> WaitForProgressAsync(ProgressRecorder recorder, Guid jobId)
    {
        var deadline = DateTimeOffset.UtcNow.AddSeconds(30);
        while (DateTimeOffset.UtcNow < deadline)
        {
            var heard = recorder.Progress.FirstOrDefault(p => p.BulkJobId == jobId);
            if (heard is not null)
            {
                return heard;
            }

            await Task.Delay(50);
        }

        Assert.Fail($"No progress of job {jobId} arrived.");
        return null!;
    }
}
