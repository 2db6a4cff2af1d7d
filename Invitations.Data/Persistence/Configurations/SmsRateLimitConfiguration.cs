using Invitations.Data.Persistence.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Invitations.Data.Persistence.Configurations;

internal sealed class SmsRateLimitConfiguration : IEntityTypeConfiguration<SmsRateLimit>
{
    public void Configure(EntityTypeBuilder<SmsRateLimit> builder)
    {
        builder.ToTable("sms_rate_limits");
        builder.HasKey(x => x.Name);
        builder.Property(x => x.Name).HasMaxLength(64);
    }
}
