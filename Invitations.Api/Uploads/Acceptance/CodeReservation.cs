using Invitations.Contracts.BulkInvitations;
using Invitations.Data.Codes;
using Invitations.Data.Persistence;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Invitations.Api.Uploads.Acceptance;

/// <summary>
/// Reserves a job's codes inside its transaction. The inner SELECT walks the partial index
/// <c>ix_sponsorship_codes_available</c> in id order with SKIP LOCKED (an unordered scan slows down as reserved rows pile up), so two uploads racing
/// for the same codes take disjoint sets and the one that cannot get enough sees a shortage.
/// </summary>
public sealed class CodeReservation(InvitationsDbContext db)
{
    // The free codes (FreeCodes.Where), in id order, as many as the job needs.
    internal const string ReserveSql = $"""
        UPDATE sponsorship_codes AS c SET reserved_by_job_id = @job, reserved_at = @now
        FROM (SELECT id FROM sponsorship_codes
              WHERE {FreeCodes.Where}
              ORDER BY id
              LIMIT @count
              FOR UPDATE SKIP LOCKED) AS picked
        WHERE c.id = picked.id
        """;

    public async Task<int> ReserveAsync(long sponsorId, PackageTier tier, int count, Guid jobId, DateTimeOffset now, CancellationToken cancellationToken) =>
        await db.Database.ExecuteSqlRawAsync(
            ReserveSql,
            [.. FreeCodes.Parameters(sponsorId, tier, now), new NpgsqlParameter("job", jobId), new NpgsqlParameter("count", count)],
            cancellationToken);

    /// <summary>Codes still free for the sponsor (committed state; codes locked by a racing upload count as free).</summary>
    public Task<int> CountAvailableAsync(long sponsorId, PackageTier tier, DateTimeOffset now, CancellationToken cancellationToken) =>
        FreeCodes.CountAsync(db, sponsorId, tier, now, cancellationToken);
}
