using Invitations.Data.Persistence.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Invitations.Data.Persistence.Configurations;

internal sealed class SmsMessageConfiguration : IEntityTypeConfiguration<SmsMessage>
{
    public void Configure(EntityTypeBuilder<SmsMessage> builder)
    {
        builder.ToTable("sms_messages");
        builder.HasKey(x => x.Id);
        builder.Property(x => x.Id).UseIdentityAlwaysColumn();
        builder.Property(x => x.Phone).HasMaxLength(20);
        builder.Property(x => x.Body).HasMaxLength(1000);
        builder.Property(x => x.Provider).HasMaxLength(32);
        builder.Property(x => x.ProviderMessageId).HasMaxLength(128);

        // At most one SMS per invitation and resend: a redelivery that finds it sent does not send again.
        builder.HasIndex(x => new { x.InvitationId, x.ResendNumber }).IsUnique();
        builder.HasIndex(x => new { x.BulkJobId, x.RowNumber });
    }
}
