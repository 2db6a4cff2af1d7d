using Invitations.Contracts.BulkInvitations;
using Invitations.Data.Persistence;
using Invitations.Data.Persistence.Entities;
using Invitations.ServiceDefaults.Messaging;
using Invitations.Testing;
using Invitations.Worker.Dispatching;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Invitations.Worker.Tests.Dispatching;

public sealed class When_a_job_stays_pending
{
    private IHost _host = null!;
    private SubmittedInbox _inbox = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(TestRun.Infrastructure.Configuration);
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Dispatcher:Enabled"] = "false",
            ["Dispatcher:PendingGrace"] = "00:00:30",
        });
        builder.Services
            .AddInvitationsDatabase(builder.Configuration)
            .AddPendingJobDispatcher(builder.Configuration)
            .AddSingleton<SubmittedInbox>()
            .AddInvitationsMessaging(builder.Configuration, bus => bus.AddConsumer<SubmittedRecorder>());
        _host = builder.Build();
        await _host.StartAsync();
        _inbox = _host.Services.GetRequiredService<SubmittedInbox>();
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
    }

    [Test]
    public async Task Should_publish_it_again_after_the_grace_period_and_record_the_attempt()
    {
        var stale = await AddJobAsync(BulkJobStatus.Pending, TimeSpan.FromMinutes(5));
        var fresh = await AddJobAsync(BulkJobStatus.Pending, TimeSpan.Zero);
        var running = await AddJobAsync(BulkJobStatus.Processing, TimeSpan.FromMinutes(5));

        await RunPassAsync();
        await _inbox.WaitForAsync([stale], TimeSpan.FromSeconds(15));

        Assert.That(_inbox.Received, Does.Contain(stale).And.No.Member(fresh).And.No.Member(running));
        await using var db = TestRun.Infrastructure.CreateDbContext();
        var job = await db.BulkInvitationJobs.SingleAsync(j => j.Id == stale);
        Assert.That(job.SubmitPublishAttempts, Is.EqualTo(1));
        Assert.That(job.SubmittedPublishedAt, Is.Not.Null);
        Assert.That((await db.BulkInvitationJobs.SingleAsync(j => j.Id == fresh)).SubmitPublishAttempts, Is.Zero);
    }

    [Test]
    public async Task Should_publish_each_job_once_when_several_dispatchers_run_together()
    {
        var jobs = new List<Guid>();
        for (var i = 0; i < 5; i++)
        {
            jobs.Add(await AddJobAsync(BulkJobStatus.Pending, TimeSpan.FromMinutes(10)));
        }

        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => RunPassAsync()));
        await _inbox.WaitForAsync(jobs, TimeSpan.FromSeconds(15));

        await using var db = TestRun.Infrastructure.CreateDbContext();
        var attempts = await db.BulkInvitationJobs.Where(j => jobs.Contains(j.Id)).Select(j => j.SubmitPublishAttempts).ToListAsync();
        Assert.That(attempts, Is.EqualTo(new[] { 1, 1, 1, 1, 1 }));
        Assert.That(_inbox.Received.Count(jobs.Contains), Is.EqualTo(5));
    }

    private async Task RunPassAsync()
    {
        await using var scope = _host.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<PendingJobRepublisher>().RepublishAsync(CancellationToken.None);
    }

    private static async Task<Guid> AddJobAsync(BulkJobStatus status, TimeSpan age)
    {
        await using var db = TestRun.Infrastructure.CreateDbContext();
        var job = new BulkInvitationJob
        {
            Id = NewId.NextGuid(),
            SponsorId = TestIds.NewSponsorId(),
            CreatedBy = "test",
            Status = status,
            FileName = "bayiler.xlsx",
            FileSha256 = new string('a', 64),
            TotalDealers = 1,
            CreatedAt = DateTimeOffset.UtcNow - age,
        };
        db.BulkInvitationJobs.Add(job);
        await db.SaveChangesAsync();
        return job.Id;
    }
}
