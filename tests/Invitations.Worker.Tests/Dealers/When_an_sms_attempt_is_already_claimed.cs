using Invitations.Contracts.BulkInvitations;
using Invitations.Data.Persistence.Entities;
using Invitations.Testing.BulkJobs;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace Invitations.Worker.Tests.Dealers;

/// <summary>
/// A row whose invitation an earlier delivery made and whose SMS attempt it started, but never settled (its
/// Worker died mid-send): the record of that attempt is in the database as the crash left it.
/// </summary>
public sealed class When_an_sms_attempt_is_already_claimed
{
    private SmsGatewayStub _gateway = null!;
    private WorkerHost _worker = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _gateway = await SmsGatewayStub.StartAsync();
        _worker = await WorkerHost.StartAsync(new Dictionary<string, string?>
        {
            ["Sms:Provider"] = "Http",
            ["Sms:Http:Url"] = _gateway.Url,
        });
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        await _worker.DisposeAsync();
        await _gateway.DisposeAsync();
    }

    [Test]
    public async Task Should_not_send_while_the_claim_lives_and_then_take_it_over()
    {
        var claimedUntil = DateTimeOffset.UtcNow.AddSeconds(4);
        var (job, invitation) = await CrashedAttemptAsync(claimedUntil);
        await _worker.Bus.Publish(TestJobBuilder.Submitted(job));

        var completed = await _worker.CompletionAsync(job.Id);
        var requests = _gateway.Received.Where(r => r.Phone == invitation.Phone).ToList();
        var after = await InvitationAsync(invitation.Id);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(completed.Status, Is.EqualTo(BulkJobStatus.Completed), "the live claim outlasted the quick retries and still did not fail the row");
            Assert.That(completed.SucceededDealers, Is.EqualTo(1));
            Assert.That(requests, Has.Count.EqualTo(1));
            Assert.That(requests[0].At, Is.GreaterThanOrEqualTo(claimedUntil), "nothing was sent while the claim lived");
            Assert.That(requests[0].Key, Is.EqualTo(invitation.Id.ToString("D")));
            Assert.That(after.SmsPossibleDuplicate, Is.True);
            Assert.That(after.SmsAttempts, Is.EqualTo(2));
        }
    }

    [Test]
    public async Task Should_take_an_expired_claim_over_with_the_same_key_and_mark_the_row()
    {
        var (job, invitation) = await CrashedAttemptAsync(DateTimeOffset.UtcNow.AddSeconds(-1));
        await _worker.Bus.Publish(TestJobBuilder.Submitted(job));

        var completed = await _worker.CompletionAsync(job.Id);
        var after = await InvitationAsync(invitation.Id);
        await using var db = TestRun.Infrastructure.CreateDbContext();
        var row = await db.BulkInvitationRows.AsNoTracking().SingleAsync(r => r.JobId == job.Id);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(completed.SucceededDealers, Is.EqualTo(1));
            Assert.That(_gateway.Received.Where(r => r.Phone == invitation.Phone).Select(r => r.Key), Is.EqualTo(new[] { invitation.Id.ToString("D") }));
            Assert.That(row.InvitationId, Is.EqualTo(invitation.Id), "the invitation the crashed delivery made, not a second one");
            Assert.That(after.SmsSentAt, Is.Not.Null);
            Assert.That(after.SmsPossibleDuplicate, Is.True);
            Assert.That(after.SmsAttempts, Is.EqualTo(2));
            Assert.That(after.SmsClaimedUntil, Is.Null);
        }
    }

    /// <summary>A one-row job whose invitation exists with its first SMS attempt started and never settled.</summary>
    private static async Task<(TestJob Job, DealerInvitation Invitation)> CrashedAttemptAsync(DateTimeOffset claimedUntil)
    {
        var job = await new TestJobBuilder(TestRun.Infrastructure).WithRows(1).CreateAsync();
        await using var db = TestRun.Infrastructure.CreateDbContext();
        var row = await db.BulkInvitationRows.SingleAsync(r => r.JobId == job.Id);
        var now = DateTimeOffset.UtcNow;
        var invitation = new DealerInvitation
        {
            Id = NewId.NextGuid(),
            SponsorId = job.SponsorId,
            BulkJobId = job.Id,
            RowNumber = row.RowNumber,
            Type = InvitationType.Invite,
            Status = InvitationStatus.Pending,
            Email = row.Email,
            Phone = row.Phone,
            DealerName = row.DealerName,
            Tier = row.Tier,
            CodeCount = row.CodeCount,
            Token = NewId.NextGuid().ToString("N"),
            ExpiresAt = now.AddDays(7),
            CreatedAt = now,
            SmsAttempts = 1,
            SmsAttemptAt = now.AddSeconds(-30),
            SmsClaimedUntil = claimedUntil,
            SmsInDoubt = true,
        };
        db.DealerInvitations.Add(invitation);
        await db.SaveChangesAsync();
        return (job, invitation);
    }

    private static async Task<DealerInvitation> InvitationAsync(Guid id)
    {
        await using var db = TestRun.Infrastructure.CreateDbContext();
        return await db.DealerInvitations.AsNoTracking().SingleAsync(i => i.Id == id);
    }
}
