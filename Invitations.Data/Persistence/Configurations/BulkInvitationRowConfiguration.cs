using Invitations.Data.Persistence.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Invitations.Data.Persistence.Configurations;

internal sealed class BulkInvitationRowConfiguration : IEntityTypeConfiguration<BulkInvitationRow>
{
    public void Configure(EntityTypeBuilder<BulkInvitationRow> builder)
    {
        builder.ToTable("bulk_invitation_rows");

        // A row is updated three times soon after it is inserted (dispatched, its outcome, counted), never in
        // an indexed column: room on its page lets each update stay there (a HOT update) instead of writing
        // a new entry in each of the table's indexes.
        builder.HasStorageParameter("fillfactor", 50);
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
