using Invitations.Contracts.BulkInvitations;
using Invitations.Data.Persistence.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Invitations.Data.Persistence.Configurations;

internal sealed class BulkInvitationJobConfiguration : IEntityTypeConfiguration<BulkInvitationJob>
{
    public void Configure(EntityTypeBuilder<BulkInvitationJob> builder)
    {
        builder.ToTable("bulk_invitation_jobs");
        builder.HasKey(x => x.Id);
        builder.Property(x => x.CreatedBy).HasMaxLength(200);
        builder.Property(x => x.FileName).HasMaxLength(260);
        builder.Property(x => x.FileSha256).HasMaxLength(64);
        builder.Property(x => x.IdempotencyKey).HasMaxLength(200);

        builder.HasIndex(x => new { x.SponsorId, x.CreatedAt });
        builder.HasIndex(x => new { x.SponsorId, x.IdempotencyKey })
            .IsUnique()
            .HasFilter("idempotency_key IS NOT NULL");
        builder.HasIndex(x => new { x.SponsorId, x.FileSha256 });

        // The dispatcher looks for jobs still Pending after a grace period.
        builder.HasIndex(x => x.CreatedAt)
            .HasDatabaseName("ix_bulk_invitation_jobs_pending")
            .HasFilter($"status = {SqlValues.Of(BulkJobStatus.Pending)}");

        builder.HasMany<BulkInvitationRow>().WithOne().HasForeignKey(x => x.JobId).OnDelete(DeleteBehavior.Cascade);
    }
}
