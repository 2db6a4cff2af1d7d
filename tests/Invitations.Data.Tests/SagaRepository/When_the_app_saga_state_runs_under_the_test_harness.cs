using Invitations.Data.Persistence;
using Invitations.Data.SagaRepository;
using Invitations.Data.Scheduling;
using Invitations.Sagas.BulkInvitation;
using Invitations.Testing;
using MassTransit;
using MassTransit.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Invitations.Data.Tests.SagaRepository;

public sealed class When_the_app_saga_state_runs_under_the_test_harness
{
    [Test]
    public async Task Should_store_update_finalize_and_delete_the_bulk_invitation_saga()
    {
        await using var provider = CreateProvider();
        var harness = provider.GetRequiredService<ITestHarness>();
        await harness.Start();
        try
        {
            var jobId = NewId.NextGuid();
            await harness.Bus.Publish(new TinyJobSubmitted { BulkJobId = jobId, SponsorId = TestIds.NewSponsorId(), TotalDealers = 3 });
            Assert.That(await Eventually.HoldsAsync(async () => await FindAsync(jobId) is not null, TimeSpan.FromSeconds(30)), Is.True);
            for (var i = 0; i < 3; i++)
            {
                await harness.Bus.Publish(new TinyDealerInvited { BulkJobId = jobId });
            }

            var deleted = await Eventually.HoldsAsync(async () => await FindAsync(jobId) is null, TimeSpan.FromSeconds(30));

            Assert.That(deleted, Is.True, "the finalized saga row was not deleted");
            Assert.That(await TimelineAsync(jobId), Is.EqualTo(new[] { "DealerInvited", "DealerInvited", "DealerInvited", "Submitted" }));
        }
        finally
        {
            await harness.Stop();
        }
    }

    [Test]
    public async Task Should_find_the_saga_by_an_expression_and_finalize_it()
    {
        await using var provider = CreateProvider();
        var harness = provider.GetRequiredService<ITestHarness>();
        await harness.Start();
        try
        {
            var sponsorId = TestIds.NewSponsorId();
            var jobId = NewId.NextGuid();
            await harness.Bus.Publish(new TinyJobSubmitted { BulkJobId = jobId, SponsorId = sponsorId, TotalDealers = 10 });
            await Eventually.HoldsAsync(async () => await FindAsync(jobId) is not null, TimeSpan.FromSeconds(30));

            await harness.Bus.Publish(new TinySponsorJobsCancelled { SponsorId = sponsorId });
            var deleted = await Eventually.HoldsAsync(async () => await FindAsync(jobId) is null, TimeSpan.FromSeconds(30));

            Assert.That(deleted, Is.True, "the saga found by sponsor was not finalized");
            Assert.That(await TimelineAsync(jobId), Does.Contain("Cancelled"));
        }
        finally
        {
            await harness.Stop();
        }
    }

    private static ServiceProvider CreateProvider()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(TestRun.Infrastructure.Configuration).Build();
        var queue = $"tiny-job-{Guid.NewGuid():N}";
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddInvitationsDatabase(configuration);
        services.AddMassTransitTestHarness(x =>
        {
            x.AddSagaStateMachine<TinyJobStateMachine, BulkInvitationState>()
                .PostgresRepository<InvitationsDbContext>()
                .Endpoint(e => e.Name = queue);
            x.AddPostgresMessageScheduler(configuration);
            x.UsingRabbitMq((context, cfg) =>
            {
                cfg.Host(new Uri(TestRun.Infrastructure.RabbitMqUri));
                cfg.ConfigureEndpoints(context);
            });
        });
        return services.BuildServiceProvider(true);
    }

    private static async Task<BulkInvitationState?> FindAsync(Guid jobId)
    {
        await using var db = TestRun.Infrastructure.CreateDbContext();
        return await db.BulkInvitationSagas.AsNoTracking().SingleOrDefaultAsync(x => x.CorrelationId == jobId);
    }

    private static async Task<string[]> TimelineAsync(Guid jobId)
    {
        await using var db = TestRun.Infrastructure.CreateDbContext();
        return await db.SagaTimeline.Where(x => x.JobId == jobId).Select(x => x.Event).OrderBy(x => x).ToArrayAsync();
    }
}
