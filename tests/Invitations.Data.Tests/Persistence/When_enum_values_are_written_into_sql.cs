using Invitations.Contracts.BulkInvitations;
using Invitations.Data.Persistence;
using Invitations.Data.Persistence.Entities;
using Invitations.Testing;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Invitations.Data.Tests.Persistence;

public sealed class When_enum_values_are_written_into_sql
{
    [Test]
    public void Should_write_each_member_as_its_quoted_name()
    {
        using (Assert.EnterMultipleScope())
        {
            foreach (var status in Enum.GetValues<RowStatus>())
            {
                Assert.That(SqlValues.Of(status), Is.EqualTo($"'{Enum.GetName(status)}'"));
            }

            foreach (var status in Enum.GetValues<InvitationStatus>())
            {
                Assert.That(SqlValues.Of(status), Is.EqualTo($"'{Enum.GetName(status)}'"));
            }

            foreach (var status in Enum.GetValues<BulkJobStatus>())
            {
                Assert.That(SqlValues.Of(status), Is.EqualTo($"'{Enum.GetName(status)}'"));
            }

            foreach (var status in Enum.GetValues<SmsDeliveryStatus>())
            {
                Assert.That(SqlValues.Of(status), Is.EqualTo($"'{Enum.GetName(status)}'"));
            }

            Assert.That(SqlValues.In(RowStatus.Pending, RowStatus.Skipped), Is.EqualTo("('Pending', 'Skipped')"));
        }
    }

    [Test]
    public void Should_refuse_a_value_that_is_no_member()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => SqlValues.Of((RowStatus)42));
    }

    [Test]
    public async Task Should_match_the_value_ef_stores()
    {
        var sponsor = TestIds.NewSponsorId();
        var now = DateTimeOffset.UtcNow;
        await using var db = TestRun.Infrastructure.CreateDbContext();
        foreach (var status in Enum.GetValues<InvitationStatus>())
        {
            db.DealerInvitations.Add(new DealerInvitation
            {
                Id = Guid.NewGuid(),
                SponsorId = sponsor,
                BulkJobId = Guid.NewGuid(),
                RowNumber = 2,
                Email = $"{status}@example.com".ToLowerInvariant(),
                Phone = "+905321234567",
                DealerName = "Bayi",
                Token = Guid.NewGuid().ToString("N"),
                Status = status,
                ExpiresAt = now.AddDays(7),
                CreatedAt = now,
            });
        }

        await db.SaveChangesAsync();

        foreach (var status in Enum.GetValues<InvitationStatus>())
        {
            // The literal is ours (SqlValues), not input.
            var sql = "SELECT id AS \"Value\" FROM dealer_invitations WHERE sponsor_id = @sponsor AND status = " + SqlValues.Of(status);
            var found = await db.Database
                .SqlQueryRaw<Guid>(sql, new NpgsqlParameter("sponsor", sponsor))
                .ToListAsync();
            var stored = await db.DealerInvitations.Where(i => i.SponsorId == sponsor && i.Status == status).Select(i => i.Id).ToListAsync();

            Assert.That(found, Is.EqualTo(stored).And.Count.EqualTo(1), $"{status}");
        }
    }
}
