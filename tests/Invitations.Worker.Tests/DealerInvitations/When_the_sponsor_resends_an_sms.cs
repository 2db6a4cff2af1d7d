using System.Net;
using Invitations.Api.Infrastructure;
using Invitations.Testing.BulkJobs;
using Invitations.Testing.Logging;
using Invitations.Worker.Tests.Dealers;
using Microsoft.EntityFrameworkCore;

namespace Invitations.Worker.Tests.DealerInvitations;

public sealed class When_the_sponsor_resends_an_sms
{
    private DealerSide _side = null!;

    [OneTimeSetUp]
    public async Task StartAsync() => _side = await DealerSide.StartAsync();

    [OneTimeTearDown]
    public async Task StopAsync() => await _side.DisposeAsync();

    [Test]
    public async Task Should_send_it_once_and_refuse_another_within_ten_minutes_with_429()
    {
        var job = await _side.RunJobAsync(rows: 2);
        var invitation = (await DealerSide.InvitationsAsync(job.Id))[0];
        using var sponsor = _side.Api.CreateClient(job.SponsorId, Roles.Sponsor);
        var route = $"/api/v1/bulk-invitations/{job.Id}/rows/{invitation.RowNumber}/resend-sms";

        using var first = await sponsor.PostAsync(route, null);
        using var second = await sponsor.PostAsync(route, null);
        await JobWatch.UntilAsync(async () => await SmsCountAsync(invitation.Id) == 2);
        await using var db = TestRun.Infrastructure.CreateDbContext();
        var messages = await db.SmsMessages.Where(m => m.InvitationId == invitation.Id).OrderBy(m => m.ResendNumber).ToListAsync();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(first.StatusCode, Is.EqualTo(HttpStatusCode.Accepted));
            Assert.That((await DealerSide.BodyAsync(first)).GetProperty("resendNumber").GetInt32(), Is.EqualTo(1));
            Assert.That(second.StatusCode, Is.EqualTo(HttpStatusCode.TooManyRequests));
            Assert.That(second.Headers.RetryAfter?.Delta?.TotalSeconds, Is.InRange(1, 600));
            Assert.That(messages.Select(m => m.ResendNumber), Is.EqualTo(new[] { 0, 1 }));
            Assert.That(messages[1].Body, Is.EqualTo(messages[0].Body));
        }
    }

    [Test]
    public async Task Should_send_a_later_resend_as_another_sms_and_a_repeated_one_not_again()
    {
        var job = await _side.RunJobAsync(rows: 1);
        var invitation = (await DealerSide.InvitationsAsync(job.Id))[0];
        using var sponsor = _side.Api.CreateClient(job.SponsorId, Roles.Sponsor);
        var route = $"/api/v1/bulk-invitations/{job.Id}/rows/{invitation.RowNumber}/resend-sms";
        (await sponsor.PostAsync(route, null)).Dispose();
        await JobWatch.UntilAsync(async () => await SmsCountAsync(invitation.Id) == 2);

        // Ten minutes later (the window moved back), and the Worker's message delivered twice.
        await using (var db = TestRun.Infrastructure.CreateDbContext())
        {
            await db.DealerInvitations.Where(i => i.Id == invitation.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(i => i.SmsResentAt, DateTimeOffset.UtcNow.AddMinutes(-11)));
        }

        using var later = await sponsor.PostAsync(route, null);
        await JobWatch.UntilAsync(async () => await SmsCountAsync(invitation.Id) == 3);
        await _side.Worker.Bus.Publish(new Invitations.Contracts.Dealers.ResendInvitationSms
        {
            BulkJobId = job.Id,
            RowNumber = invitation.RowNumber,
            InvitationId = invitation.Id,
            ResendNumber = 2,
        });
        await JobWatch.UntilAsync(() => Task.FromResult(LogLines($"SMS resend 2 of job {job.Id} row {invitation.RowNumber}") == 2));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(later.StatusCode, Is.EqualTo(HttpStatusCode.Accepted));
            Assert.That(await SmsCountAsync(invitation.Id), Is.EqualTo(3));

            // What the provider was asked to send, not what it stored: the first SMS and two resends.
            Assert.That(LogLines($"job {job.Id} row {invitation.RowNumber}", "SMS (log provider)"), Is.EqualTo(3));
        }
    }

    [Test]
    public async Task Should_refuse_an_answered_invitation_with_409_and_another_sponsors_job_with_404()
    {
        var job = await _side.RunJobAsync(rows: 1);
        var invitation = (await DealerSide.InvitationsAsync(job.Id))[0];
        (await _side.AcceptAsync(invitation.Token)).Dispose();
        using var sponsor = _side.Api.CreateClient(job.SponsorId, Roles.Sponsor);
        using var stranger = _side.Api.CreateClient(job.SponsorId + 1, Roles.Sponsor);
        using var support = _side.Api.CreateClient(null, Roles.Support);
        var route = $"/api/v1/bulk-invitations/{job.Id}/rows/{invitation.RowNumber}/resend-sms";

        using var answered = await sponsor.PostAsync(route, null);
        using var notTheirs = await stranger.PostAsync(route, null);
        using var bySupport = await support.PostAsync(route, null);
        using var noRow = await sponsor.PostAsync($"/api/v1/bulk-invitations/{job.Id}/rows/999/resend-sms", null);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(answered.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
            Assert.That(notTheirs.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
            Assert.That(bySupport.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
            Assert.That(noRow.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        }
    }

    private static int LogLines(string text, string? also = null) =>
        CapturedLogs.Lines.Count(l => l.Contains(text, StringComparison.Ordinal) && (also is null || l.Contains(also, StringComparison.Ordinal)));

    private static async Task<int> SmsCountAsync(Guid invitationId)
    {
        await using var db = TestRun.Infrastructure.CreateDbContext();
        return await db.SmsMessages.CountAsync(m => m.InvitationId == invitationId);
    }
}
