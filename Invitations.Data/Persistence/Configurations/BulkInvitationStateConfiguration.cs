using Invitations.Sagas.BulkInvitation;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Invitations.Data.Persistence.Configurations;

internal sealed class BulkInvitationStateConfiguration : IEntityTypeConfiguration<BulkInvitationState>
{
    public void Configure(EntityTypeBuilder<BulkInvitationState> builder)
    {
        builder.ToTable("bulk_invitation_sagas");
        builder.HasKey(x => x.CorrelationId);
        builder.Property(x => x.CorrelationId).ValueGeneratedNever();
        builder.Property(x => x.CurrentState).HasMaxLength(64);
        builder.Ignore(x => x.ProcessedDealers);
        builder.HasIndex(x => new { x.SponsorId, x.CurrentState });
    }
}
