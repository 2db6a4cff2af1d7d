using Invitations.Contracts.BulkInvitations;
using Invitations.Data.Persistence;
using Invitations.Data.Persistence.Entities;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Invitations.Data.Codes;

/// <summary>
/// The rule "a code is free": the sponsor's code of the tier that no job holds, no dealer was given, and that has
/// not expired at <c>@now</c>. One SQL predicate, so the reservations (upload and retry-failed, which lock what
/// they pick) and the counts (EF, through <see cref="CountAsync"/>) read the same rule; it is the condition of the
/// partial index <c>ix_sponsorship_codes_available</c> plus the expiry.
/// </summary>
public static class FreeCodes
{
    /// <summary>The predicate over <c>sponsorship_codes</c>; it reads the parameters <c>@sponsor</c>, <c>@tier</c> and <c>@now</c>.</summary>
    public const string Where = """
        sponsor_id = @sponsor AND tier = @tier AND reserved_by_job_id IS NULL AND assigned_at IS NULL
          AND (expires_at IS NULL OR expires_at > @now)
        """;

    internal const string SelectSql = "SELECT * FROM sponsorship_codes WHERE " + Where;

    /// <summary>The values of the predicate's parameters.</summary>
    public static NpgsqlParameter[] Parameters(long sponsorId, PackageTier tier, DateTimeOffset now) =>
    [
        new("sponsor", sponsorId),
        new("tier", tier.ToString()),
        new("now", now),
    ];

    /// <summary>The codes free now (committed state; codes locked by a racing reservation count as free).</summary>
    public static IQueryable<SponsorshipCode> Query(InvitationsDbContext db, long sponsorId, PackageTier tier, DateTimeOffset now) =>
        db.SponsorshipCodes.FromSqlRaw(SelectSql, Parameters(sponsorId, tier, now));

    public static Task<int> CountAsync(
        InvitationsDbContext db, long sponsorId, PackageTier tier, DateTimeOffset now, CancellationToken cancellationToken) =>
        Query(db, sponsorId, tier, now).CountAsync(cancellationToken);
}
