using Invitations.Data.Persistence.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Invitations.Data.Persistence.Configurations;

internal sealed class SponsorshipCodeConfiguration : IEntityTypeConfiguration<SponsorshipCode>
{
    public void Configure(EntityTypeBuilder<SponsorshipCode> builder)
    {
        builder.ToTable("sponsorship_codes");
        builder.HasKey(x => x.Id);
        builder.Property(x => x.Id).UseIdentityAlwaysColumn();
        builder.Property(x => x.Code).HasMaxLength(32);
        builder.HasIndex(x => x.Code).IsUnique();

        // Reservation scans this partial index in id order with FOR UPDATE SKIP LOCKED (without
        // the ORDER BY on an index the planner scans and the rate decays as reserved rows pile up).
        builder.HasIndex(x => new { x.SponsorId, x.Tier, x.Id })
            .HasDatabaseName("ix_sponsorship_codes_available")
            .HasFilter("reserved_by_job_id IS NULL AND assigned_at IS NULL");

        // Hand-over takes a job's reserved, not yet assigned codes of one tier.
        builder.HasIndex(x => new { x.ReservedByJobId, x.Tier, x.Id })
            .HasDatabaseName("ix_sponsorship_codes_reserved")
            .HasFilter("reserved_by_job_id IS NOT NULL AND assigned_at IS NULL");

        builder.HasIndex(x => x.InvitationId);
    }
}
