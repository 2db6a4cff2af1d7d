using Invitations.Infrastructure.Persistence.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Invitations.Infrastructure.Persistence.Configurations;

internal sealed class BulkInvitationRowConfiguration : IEntityTypeConfiguration<BulkInvitationRow>
{
    public void Configure(EntityTypeBuilder<BulkInvitationRow> builder)
    {
        builder.ToTable("bulk_invitation_rows");
        builder.HasKey(x => new { x.JobId, x.RowNumber });
        builder.Property(x => x.Email).HasMaxLength(320);
        builder.Property(x => x.Phone).HasMaxLength(20);
        builder.Property(x => x.DealerName).HasMaxLength(200);
        builder.Property(x => x.ErrorCode).HasMaxLength(64);
        builder.Property(x => x.Error).HasMaxLength(1000);
        builder.HasIndex(x => x.Email);
        builder.HasIndex(x => x.Phone);
    }
}
