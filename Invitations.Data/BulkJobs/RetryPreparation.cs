using Invitations.Contracts.Dealers;
using Invitations.Data.Codes;
using Invitations.Data.Persistence;
using Invitations.Data.Persistence.Entities;

namespace Invitations.Data.BulkJobs;

/// <summary>
/// Retry-failed: transient failures run again; a business rejection only when its cause is gone
/// (the dealer or pending invitation no longer exists; codes are reserved again below). An invalid
/// phone number never fixes itself. The codes released at completion are reserved again per tier.
/// </summary>
internal sealed class RetryPreparation(InvitationsDbContext db, TimeProvider clock)
{
    internal static readonly string ResetSql = $"""
        UPDATE bulk_invitation_rows r
        SET status = {SqlValues.Of(RowStatus.Pending)}, dispatched_at = NULL, error_code = NULL, error = NULL, completed_at = NULL
        FROM bulk_invitation_jobs j
        WHERE r.job_id = @job AND j.id = r.job_id AND r.status = {SqlValues.Of(RowStatus.Failed)}
          AND r.error_code IS DISTINCT FROM @invalid_phone
          AND (r.error_code IS DISTINCT FROM @dealer_exists
               OR NOT EXISTS (SELECT 1 FROM taken_emails t WHERE t.sponsor_id = j.sponsor_id AND t.email = r.email))
        RETURNING r.tier, r.code_count, j.sponsor_id
        """;

    public async Task<int> ResetAsync(Guid jobId, CancellationToken cancellationToken)
    {
        var needed = new Dictionary<string, int>(StringComparer.Ordinal);
        long sponsorId = 0;
        var reset = 0;
        await using (var command = await DbCommands.CreateAsync(db, ResetSql, cancellationToken))
        {
            DbCommands.Add(command, ("job", jobId), ("invalid_phone", RejectionReasons.InvalidPhone), ("dealer_exists", RejectionReasons.DealerExists));
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            var (tierColumn, codeCount, sponsor) = ResetColumns(new ResultColumns(reader));
            while (await reader.ReadAsync(cancellationToken))
            {
                var tier = tierColumn.Value;
                needed[tier] = needed.GetValueOrDefault(tier) + codeCount.Value;
                sponsorId = sponsor.Value;
                reset++;
            }
        }

        foreach (var (tier, count) in needed)
        {
            await ReserveAsync(jobId, sponsorId, tier, count, cancellationToken);
        }

        return reset;
    }

    /// <summary>The columns each row <see cref="ResetSql"/> reset returns.</summary>
    internal static (Column<string> Tier, Column<int> CodeCount, Column<long> SponsorId) ResetColumns(ResultColumns columns) =>
        (columns.Required<string>("tier"), columns.Required<int>("code_count"), columns.Required<long>("sponsor_id"));

    // Reserves free codes of the tier (FreeCodes.Where) until the job holds what its reset rows need.
    internal const string ReserveSql = $"""
        WITH held AS (
            SELECT count(*)::int AS n FROM sponsorship_codes
            WHERE reserved_by_job_id = @job AND tier = @tier AND assigned_at IS NULL),
        free AS (
            SELECT id FROM sponsorship_codes
            WHERE {FreeCodes.Where}
            ORDER BY id
            LIMIT GREATEST(@count - (SELECT n FROM held), 0)
            FOR UPDATE SKIP LOCKED)
        UPDATE sponsorship_codes s SET reserved_by_job_id = @job, reserved_at = @now
        FROM free WHERE s.id = free.id
        """;

    private Task<int> ReserveAsync(Guid jobId, long sponsorId, string tier, int count, CancellationToken cancellationToken) =>
        DbCommands.ExecuteAsync(
            db,
            ReserveSql,
            cancellationToken,
            ("job", jobId),
            ("sponsor", sponsorId),
            ("tier", tier),
            ("count", count),
            ("now", clock.GetUtcNow()));
}
