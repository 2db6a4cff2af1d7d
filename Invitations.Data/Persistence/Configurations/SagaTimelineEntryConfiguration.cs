using Invitations.Data.Persistence.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Invitations.Data.Persistence.Configurations;

internal sealed class SagaTimelineEntryConfiguration : IEntityTypeConfiguration<SagaTimelineEntry>
{
    public void Configure(EntityTypeBuilder<SagaTimelineEntry> builder)
    {
        builder.ToTable("saga_timeline");
        builder.HasKey(x => x.Id);
        builder.Property(x => x.Id).UseIdentityAlwaysColumn();
        builder.Property(x => x.Event).HasMaxLength(100);
        builder.Property(x => x.FromState).HasMaxLength(64);
        builder.Property(x => x.ToState).HasMaxLength(64);
        builder.Property(x => x.Detail).HasMaxLength(1000);
        builder.Property(x => x.Actor).HasMaxLength(200);
        builder.HasIndex(x => new { x.JobId, x.Id });
    }
}
