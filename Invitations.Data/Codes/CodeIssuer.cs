using System.Security.Cryptography;
using Invitations.Contracts.BulkInvitations;
using Invitations.Data.Persistence;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

namespace Invitations.Data.Codes;

/// <summary>
/// Issues new sponsorship codes to a sponsor: how codes arrive from the platform. Used by the support
/// endpoint and by the demo seed.
/// </summary>
public sealed class CodeIssuer(InvitationsDbContext db, TimeProvider clock)
{
    public const int MaxCountPerRequest = 100_000;

    // Unambiguous characters only (no 0/O, 1/I/L): codes are read out and typed by people.
    private const string Alphabet = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";

    public async Task<CodeIssueResult> IssueAsync(
        long sponsorId, PackageTier tier, int count, DateTimeOffset? expiresAt, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, MaxCountPerRequest);

        var now = clock.GetUtcNow();
        var codes = new string[count];
        for (var i = 0; i < count; i++)
        {
            codes[i] = NewCode(tier);
        }

        // One statement for the whole batch; a collision of random codes is skipped, not fatal, and
        // topped up below (with 31^10 codes per tier it practically never happens).
        var inserted = await InsertAsync(sponsorId, tier, codes, expiresAt, now, cancellationToken);
        while (inserted < count)
        {
            inserted += await InsertAsync(sponsorId, tier, [NewCode(tier)], expiresAt, now, cancellationToken);
        }

        var available = await CountAvailableAsync(sponsorId, tier, cancellationToken);
        return new CodeIssueResult(tier, inserted, available);
    }

    public Task<int> CountAvailableAsync(long sponsorId, PackageTier tier, CancellationToken cancellationToken) =>
        FreeCodes.CountAsync(db, sponsorId, tier, clock.GetUtcNow(), cancellationToken);

    private async Task<int> InsertAsync(
        long sponsorId, PackageTier tier, string[] codes, DateTimeOffset? expiresAt, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        const string sql = """
            INSERT INTO sponsorship_codes (sponsor_id, code, tier, expires_at, created_at)
            SELECT @sponsor, c, @tier, @expires, @now FROM unnest(@codes) AS c
            ON CONFLICT (code) DO NOTHING
            """;
        return await db.Database.ExecuteSqlRawAsync(
            sql,
            [
                new NpgsqlParameter("sponsor", sponsorId),
                new NpgsqlParameter("tier", tier.ToString()),
                new NpgsqlParameter("expires", NpgsqlDbType.TimestampTz) { Value = (object?)expiresAt ?? DBNull.Value },
                new NpgsqlParameter("now", now),
                new NpgsqlParameter("codes", codes),
            ],
            cancellationToken);
    }

    private static string NewCode(PackageTier tier)
    {
        Span<char> chars = stackalloc char[10];
        for (var i = 0; i < chars.Length; i++)
        {
            chars[i] = Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)];
        }

        return $"{tier}-{chars[..5]}-{chars[5..]}";
    }
}
