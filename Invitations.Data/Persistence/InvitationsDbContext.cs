using Invitations.Data.Persistence.Entities;
using Invitations.Sagas.BulkInvitation;
using Microsoft.EntityFrameworkCore;

namespace Invitations.Data.Persistence;

public sealed class InvitationsDbContext(DbContextOptions<InvitationsDbContext> options) : DbContext(options)
{
    public DbSet<SponsorshipCode> SponsorshipCodes => Set<SponsorshipCode>();
    public DbSet<Dealer> Dealers => Set<Dealer>();
    public DbSet<DealerInvitation> DealerInvitations => Set<DealerInvitation>();
    public DbSet<TakenEmail> TakenEmails => Set<TakenEmail>();
    public DbSet<BulkInvitationJob> BulkInvitationJobs => Set<BulkInvitationJob>();
    public DbSet<BulkInvitationRow> BulkInvitationRows => Set<BulkInvitationRow>();
    public DbSet<BulkInvitationState> BulkInvitationSagas => Set<BulkInvitationState>();
    public DbSet<SagaTimelineEntry> SagaTimeline => Set<SagaTimelineEntry>();
    public DbSet<ScheduledMessage> ScheduledMessages => Set<ScheduledMessage>();
    public DbSet<SmsMessage> SmsMessages => Set<SmsMessage>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(InvitationsDbContext).Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Enums are stored by name: readable in psql, stable when members are reordered.
        configurationBuilder.Properties<Enum>().HaveConversion<string>().HaveMaxLength(32);
    }
}
