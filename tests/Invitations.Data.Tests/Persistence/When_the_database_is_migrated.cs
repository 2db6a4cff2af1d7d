using Microsoft.EntityFrameworkCore;

namespace Invitations.Data.Tests.Persistence;

public sealed class When_the_database_is_migrated
{
    [Test]
    public async Task Should_have_no_pending_migrations_and_every_table()
    {
        await using var db = TestRun.Infrastructure.CreateDbContext();

        var pending = await db.Database.GetPendingMigrationsAsync();
        var tables = await db.Database
            .SqlQueryRaw<string>("SELECT table_name AS \"Value\" FROM information_schema.tables WHERE table_schema = 'public'")
            .ToListAsync();

        Assert.That(pending, Is.Empty);
        Assert.That(db.Database.HasPendingModelChanges(), Is.False, "the model has changes no migration captures: deploy/local/add-migration.sh");
        Assert.That(tables, Is.SupersetOf(new[]
        {
            "dealers", "sponsorship_codes", "bulk_invitation_jobs", "bulk_invitation_rows", "dealer_invitations",
            "bulk_invitation_sagas", "saga_timeline", "scheduled_messages", "sms_messages",
        }));
    }

    [Test]
    public async Task Should_refuse_two_pending_invitations_for_one_email_of_a_sponsor()
    {
        await using var db = TestRun.Infrastructure.CreateDbContext();
        var sponsor = Invitations.Testing.TestIds.NewSponsorId();
        db.DealerInvitations.Add(Invitation(sponsor, Guid.NewGuid()));
        db.DealerInvitations.Add(Invitation(sponsor, Guid.NewGuid()));

        var ex = await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());

        Assert.That(ex!.InnerException, Is.InstanceOf<Npgsql.PostgresException>()
            .With.Property(nameof(Npgsql.PostgresException.SqlState)).EqualTo("23505"));
    }

    private static Invitations.Data.Persistence.Entities.DealerInvitation Invitation(long sponsor, Guid job) => new()
    {
        Id = Guid.NewGuid(),
        SponsorId = sponsor,
        BulkJobId = job,
        RowNumber = 2,
        Email = "bayi@example.com",
        Phone = "+905321234567",
        DealerName = "Bayi",
        Token = Guid.NewGuid().ToString("N"),
        Status = Invitations.Data.Persistence.Entities.InvitationStatus.Pending,
        ExpiresAt = DateTimeOffset.UtcNow.AddDays(7),
        CreatedAt = DateTimeOffset.UtcNow,
    };
}
