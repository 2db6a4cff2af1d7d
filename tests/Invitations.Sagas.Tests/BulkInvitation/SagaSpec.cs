using Invitations.Contracts.BulkInvitations;
using Invitations.Contracts.Dealers;
using Invitations.Data.BulkJobs;
using Invitations.Data.Persistence;
using Invitations.Data.Persistence.Entities;
using Invitations.Sagas.BulkInvitation;
using Invitations.Sagas.BulkInvitation.Outcomes;
using Invitations.Sagas.BulkInvitation.Ports;
using Invitations.Testing.BulkJobs;
using MassTransit;
using MassTransit.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Invitations.Sagas.Tests.BulkInvitation;

/// <summary>
/// The state machine on MassTransit's test harness (in-memory transport and saga repository), with its
/// activities writing to the run's real database. The specs play the dispatcher and the consumer.
/// </summary>
public abstract class SagaSpec
{
    private ServiceProvider? _provider;

    protected ITestHarness Harness { get; private set; } = null!;

    protected TestJobBuilder Jobs { get; } = new(TestRun.Infrastructure);

    [SetUp]
    public async Task StartHarnessAsync()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(TestRun.Infrastructure.Configuration).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddInvitationsDatabase(configuration);
        services.AddBulkJobStore();
        services.AddOptions<SagaOptions>().Configure(o =>
        {
            o.ProgressInterval = TimeSpan.FromMilliseconds(100);
            Configure(o);
        });
        services.AddMassTransitTestHarness(x =>
        {
            x.AddSagaStateMachine<BulkInvitationStateMachine, BulkInvitationState>().InMemoryRepository();
            x.AddConsumer<DealerOutcomeBatchConsumer, DealerOutcomeBatchConsumerDefinition>();
        });
        _provider = services.BuildServiceProvider(true);
        Harness = _provider.GetRequiredService<ITestHarness>();
        await Harness.Start();
    }

    [TearDown]
    public async Task StopHarnessAsync()
    {
        if (_provider is not null)
        {
            await Harness.Stop();
            await _provider.DisposeAsync();
        }
    }

    protected virtual void Configure(SagaOptions options)
    {
    }

    protected async Task<TestJob> SubmitAsync(TestJob job)
    {
        await Harness.Bus.Publish(TestJobBuilder.Submitted(job));
        await WaitForStateAsync(job.Id, BulkJobStatus.Processing);
        return job;
    }

    /// <summary>What the dealer consumer does for a row it invited: record the outcome, then publish the event.</summary>
    protected async Task InvitedAsync(TestJob job, int row, int attempt = 1)
    {
        var invitationId = NewId.NextGuid();
        await RecordAsync(job.Id, new RowOutcome(row, attempt, true, invitationId, null, null, null, DateTimeOffset.UtcNow));
        await Harness.Bus.Publish(new DealerInvited
        {
            BulkJobId = job.Id,
            RowNumber = row,
            Attempt = attempt,
            InvitationId = invitationId,
            CodesHandedOver = 1,
            DealerEmailMasked = "d***r@e***.com",
            At = DateTimeOffset.UtcNow,
        });
    }

    protected async Task RejectedAsync(TestJob job, int row, string reasonCode = "sms-rejected", int attempt = 1)
    {
        await RecordAsync(job.Id, new RowOutcome(row, attempt, false, null, null, reasonCode, "rejected", DateTimeOffset.UtcNow));
        await Harness.Bus.Publish(new DealerInvitationFailed
        {
            BulkJobId = job.Id,
            RowNumber = row,
            Attempt = attempt,
            ReasonCode = reasonCode,
            Reason = "rejected",
            DealerEmailMasked = "d***r@e***.com",
            At = DateTimeOffset.UtcNow,
        });
    }

    /// <summary>The row's outcome as the dealer consumer writes it, without telling the saga.</summary>
    protected static async Task RecordAsync(Guid jobId, RowOutcome outcome)
    {
        await using var db = TestRun.Infrastructure.CreateDbContext();
        await db.Database.OpenConnectionAsync();
        await using var command = ((NpgsqlConnection)db.Database.GetDbConnection()).CreateCommand();
        await RowOutcomeCommand.ExecuteAsync(command, jobId, outcome, CancellationToken.None);
    }

    protected async Task<BulkInvitationCompleted> CompletedAsync(TestJob job, int completions = 1)
    {
        // The harness's Any() gives up after a short inactivity; the activities' database work is not bus
        // activity, so poll for the completion instead.
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            var completed = Harness.Published.Select<BulkInvitationCompleted>(m => m.Context.Message.BulkJobId == job.Id).ToList();
            if (completed.Count >= completions)
            {
                return completed[^1].Context.Message;
            }

            await Task.Delay(50);
        }

        var faults = string.Join("; ", Harness.Published.Select<Fault>().Select(f => string.Join(",", f.Context.Message.Exceptions.Select(e => e.Message))));
        throw new AssertionException($"The job did not complete. Faults: {faults}");
    }

    protected async Task WaitForStateAsync(Guid jobId, BulkJobStatus status)
    {
        var saga = Harness.GetSagaStateMachineHarness<BulkInvitationStateMachine, BulkInvitationState>();
        var found = await saga.Exists(jobId, m => status switch
        {
            BulkJobStatus.Processing => m.Processing,
            BulkJobStatus.Completed => m.Completed,
            BulkJobStatus.PartialSuccess => m.PartialSuccess,
            BulkJobStatus.Failed => m.Failed,
            _ => m.Cancelled,
        });
        Assert.That(found, Is.Not.Null, $"the saga never reached {status}");
    }

    protected BulkInvitationState Saga(Guid jobId) =>
        Harness.GetSagaStateMachineHarness<BulkInvitationStateMachine, BulkInvitationState>().Sagas
            .Contains(jobId) ?? throw new InvalidOperationException("no saga");

    protected static async Task<Dictionary<int, RowStatus>> RowsAsync(Guid jobId)
    {
        await using var db = TestRun.Infrastructure.CreateDbContext();
        return await db.BulkInvitationRows.Where(r => r.JobId == jobId).ToDictionaryAsync(r => r.RowNumber, r => r.Status);
    }

    protected static async Task<BulkInvitationJob> JobAsync(Guid jobId)
    {
        await using var db = TestRun.Infrastructure.CreateDbContext();
        return await db.BulkInvitationJobs.AsNoTracking().SingleAsync(j => j.Id == jobId);
    }

    protected static async Task<int> ReservedCodesAsync(Guid jobId)
    {
        await using var db = TestRun.Infrastructure.CreateDbContext();
        return await db.SponsorshipCodes.CountAsync(c => c.ReservedByJobId == jobId && c.AssignedAt == null);
    }
}
