using Invitations.Contracts.BulkInvitations;
using Invitations.Contracts.Dealers;
using Invitations.Data.Persistence.Entities;
using Invitations.Testing.BulkJobs;
using Invitations.Worker.Dealers;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Invitations.Worker.Tests.Dealers;

/// <summary>
/// The dealer service's group path, driven directly on rows the dispatcher has sent (no saga runs for these
/// jobs): the same outcome per row as the row-by-row path, and nothing written when it hands the rows back.
/// </summary>
public sealed class When_rows_are_done_in_a_group
{
    private WorkerHost _worker = null!;

    [OneTimeSetUp]
    public async Task StartAsync() => _worker = await WorkerHost.StartAsync();

    [OneTimeTearDown]
    public async Task StopAsync() => await _worker.DisposeAsync();

    [Test]
    public async Task Should_invite_each_row_once_and_reject_a_taken_email_alone()
    {
        var job = await new TestJobBuilder(TestRun.Infrastructure).WithRows(12).WithCodesPerRow(2).AlreadyDispatched().CreateAsync();
        await TestJobBuilder.AddExistingDealerForRowAsync(TestRun.Infrastructure, job, 5);
        await using var db = TestRun.Infrastructure.CreateDbContext();

        var first = await ProcessGroupAsync(job);
        var again = await ProcessGroupAsync(job);

        var rows = await db.BulkInvitationRows.AsNoTracking().Where(r => r.JobId == job.Id).ToListAsync();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(first, Has.All.Not.Null);
            Assert.That(first.Count(r => r!.Kind == DealerResultKind.Invited && r.Recorded), Is.EqualTo(11));
            Assert.That(first[3], Is.Not.Null.And.Property(nameof(DealerResult.ReasonCode)).EqualTo(RejectionReasons.DealerExists));
            Assert.That(first[3]!.Recorded, Is.True);

            // A second delivery of the whole group reports the recorded outcomes, and records nothing.
            Assert.That(again.Select(r => r?.Kind), Is.EqualTo(first.Select(r => r!.Kind)));
            Assert.That(again.Select(r => r?.InvitationId), Is.EqualTo(first.Select(r => r!.InvitationId)));
            Assert.That(again.Count(r => r!.Recorded), Is.Zero);

            Assert.That(rows.Count(r => r.Status == RowStatus.Succeeded && r.InvitationId != null), Is.EqualTo(11));
            Assert.That(rows.Single(r => r.RowNumber == 5).Status, Is.EqualTo(RowStatus.Failed));
            Assert.That(await db.DealerInvitations.CountAsync(i => i.BulkJobId == job.Id && i.SmsSentAt != null), Is.EqualTo(11));
            Assert.That(await db.SmsMessages.CountAsync(m => m.BulkJobId == job.Id), Is.EqualTo(11));
            Assert.That(await db.SponsorshipCodes.CountAsync(c => c.ReservedByJobId == job.Id && c.InvitationId != null), Is.EqualTo(22));
            Assert.That(
                await db.SponsorshipCodes.Where(c => c.ReservedByJobId == job.Id && c.InvitationId != null)
                    .GroupBy(c => c.InvitationId).CountAsync(g => g.Count() != 2),
                Is.Zero);
        }
    }

    [Test]
    public async Task Should_hand_every_row_back_untouched_when_codes_run_short_then_reject_only_the_last_alone()
    {
        var job = await new TestJobBuilder(TestRun.Infrastructure).WithRows(6).WithCodesPerRow(2).AlreadyDispatched().CreateAsync();
        await using var db = TestRun.Infrastructure.CreateDbContext();
        await db.SponsorshipCodes.Where(c => c.ReservedByJobId == job.Id).OrderByDescending(c => c.Id).Take(1)
            .ExecuteUpdateAsync(c => c.SetProperty(x => x.ReservedByJobId, (Guid?)null).SetProperty(x => x.ReservedAt, (DateTimeOffset?)null));

        var grouped = await ProcessGroupAsync(job);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(grouped, Has.All.Null);
            Assert.That(await db.DealerInvitations.CountAsync(i => i.BulkJobId == job.Id), Is.Zero);
            Assert.That(await db.SmsMessages.CountAsync(m => m.BulkJobId == job.Id), Is.Zero);
            Assert.That(await db.SponsorshipCodes.CountAsync(c => c.ReservedByJobId == job.Id && c.AssignedAt != null), Is.Zero);
            Assert.That(await db.BulkInvitationRows.CountAsync(r => r.JobId == job.Id && r.Status != RowStatus.Pending), Is.Zero);
        }

        var alone = new List<DealerResult>();
        foreach (var message in Messages(job))
        {
            await using var scope = _worker.Services.CreateAsyncScope();
            alone.Add(await scope.ServiceProvider.GetRequiredService<DealerInvitationService>().ProcessAsync(message, CancellationToken.None));
        }

        Assert.That(alone.Select(r => r.ReasonCode), Is.EqualTo(new string?[] { null, null, null, null, null, RejectionReasons.CodesUnavailable }));
    }

    [Test]
    public async Task Should_reject_a_number_that_cannot_take_sms_and_send_the_others_in_one_go()
    {
        var job = await new TestJobBuilder(TestRun.Infrastructure).WithRows(8).AlreadyDispatched().CreateAsync();
        await using var db = TestRun.Infrastructure.CreateDbContext();
        await db.BulkInvitationRows.Where(r => r.JobId == job.Id && r.RowNumber == 4)
            .ExecuteUpdateAsync(r => r.SetProperty(x => x.Phone, "+902125550101"));

        var grouped = await ProcessGroupAsync(job);

        var rows = await db.BulkInvitationRows.AsNoTracking().Where(r => r.JobId == job.Id).OrderBy(r => r.RowNumber).ToListAsync();
        var texts = await db.SmsMessages.AsNoTracking().Where(m => m.BulkJobId == job.Id).ToListAsync();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(grouped, Has.All.Not.Null.And.Property(nameof(DealerResult.Recorded)).True);
            Assert.That(grouped[2]!.ReasonCode, Is.EqualTo(RejectionReasons.InvalidPhone));
            Assert.That(rows.Select(r => r.Status), Is.EqualTo(rows.Select(r => r.RowNumber == 4 ? RowStatus.Failed : RowStatus.Succeeded)));
            Assert.That(texts.Select(m => m.RowNumber).Order(), Is.EqualTo(rows.Where(r => r.RowNumber != 4).Select(r => r.RowNumber)));
            Assert.That(texts.Select(m => m.Phone), Is.EqualTo(texts.Select(m => rows.Single(r => r.RowNumber == m.RowNumber).Phone)));
            Assert.That(await db.DealerInvitations.CountAsync(i => i.BulkJobId == job.Id && i.SmsSentAt != null), Is.EqualTo(7));
        }
    }

    [Test]
    public async Task Should_give_each_row_of_two_jobs_its_own_count_of_codes_of_its_tier()
    {
        var first = await new TestJobBuilder(TestRun.Infrastructure).WithRows(9).WithMixedTiersAndCounts().AlreadyDispatched().CreateAsync();
        var second = await new TestJobBuilder(TestRun.Infrastructure).WithRows(7).WithMixedTiersAndCounts().AlreadyDispatched().CreateAsync();
        var messages = Messages(first).Zip(Messages(second)).SelectMany(p => new[] { p.First, p.Second }).Concat(Messages(first).Skip(7)).ToList();

        DealerResult?[] grouped;
        await using (var scope = _worker.Services.CreateAsyncScope())
        {
            grouped = await scope.ServiceProvider.GetRequiredService<DealerInvitationService>().ProcessGroupAsync(messages, CancellationToken.None);
        }

        await using var db = TestRun.Infrastructure.CreateDbContext();
        var jobs = new[] { first.Id, second.Id };
        var invitations = await db.DealerInvitations.AsNoTracking().Where(i => jobs.Contains(i.BulkJobId)).ToListAsync();
        var codes = await db.SponsorshipCodes.AsNoTracking().Where(c => c.InvitationId != null && jobs.Contains(c.ReservedByJobId!.Value)).ToListAsync();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(grouped, Has.All.Not.Null.And.Property(nameof(DealerResult.Kind)).EqualTo(DealerResultKind.Invited));
            Assert.That(invitations, Has.Count.EqualTo(16));
            foreach (var invitation in invitations)
            {
                var given = codes.Where(c => c.InvitationId == invitation.Id).ToList();
                Assert.That(given, Has.Count.EqualTo(invitation.CodeCount), $"row {invitation.RowNumber} of {invitation.BulkJobId}");
                Assert.That(given, Has.All.Property(nameof(SponsorshipCode.Tier)).EqualTo(invitation.Tier)
                    .And.Property(nameof(SponsorshipCode.ReservedByJobId)).EqualTo(invitation.BulkJobId)
                    .And.Property(nameof(SponsorshipCode.AssignedRowNumber)).EqualTo(invitation.RowNumber));
            }

            Assert.That(codes.Select(c => c.Id), Is.Unique);
        }
    }

    private async Task<DealerResult?[]> ProcessGroupAsync(TestJob job)
    {
        await using var scope = _worker.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<DealerInvitationService>().ProcessGroupAsync(Messages(job), CancellationToken.None);
    }

    private static List<InviteDealer> Messages(TestJob job) =>
        job.RowNumbers.Select(row => new InviteDealer { BulkJobId = job.Id, RowNumber = row, Attempt = 1 }).ToList();
}
