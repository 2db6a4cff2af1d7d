using Invitations.Data.Persistence.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Invitations.Data.Persistence.Configurations;

internal sealed class DealerInvitationConfiguration : IEntityTypeConfiguration<DealerInvitation>
{
    public void Configure(EntityTypeBuilder<DealerInvitation> builder)
    {
        builder.ToTable("dealer_invitations");
        builder.HasKey(x => x.Id);
        builder.Property(x => x.Email).HasMaxLength(320);
        builder.Property(x => x.Phone).HasMaxLength(20);
        builder.Property(x => x.DealerName).HasMaxLength(200);
        builder.Property(x => x.Token).HasMaxLength(64);
        builder.Property(x => x.SmsProviderMessageId).HasMaxLength(128);

        // One invitation per (job, row): a redelivered InviteDealer finds the first one.
        builder.HasIndex(x => new { x.BulkJobId, x.RowNumber }).IsUnique();
        builder.HasIndex(x => x.Token).IsUnique();

        // A sponsor can have only one pending invitation per email, whichever job made it.
        builder.HasIndex(x => new { x.SponsorId, x.Email })
            .IsUnique()
            .HasDatabaseName("ux_dealer_invitations_pending_email")
            .HasFilter($"status = {SqlValues.Of(InvitationStatus.Pending)}");
        builder.HasIndex(x => x.Phone);

        // The expiry sweep walks the pending invitations in expiry order.
        builder.HasIndex(x => x.ExpiresAt)
            .HasDatabaseName("ix_dealer_invitations_pending_expiry")
            .HasFilter($"status = {SqlValues.Of(InvitationStatus.Pending)}");

        // Delivery reports find their invitation by the gateway's message id.
        builder.Property(x => x.SmsDeliveryReason).HasMaxLength(256);
        builder.HasIndex(x => x.SmsProviderMessageId).HasFilter("sms_provider_message_id IS NOT NULL");
    }
}
