using Invitations.Data.Persistence.Entities;
using Npgsql;

namespace Invitations.Worker.Dealers;

/// <summary>The write statements of one dealer, as batch commands.</summary>
internal static class DealerCommands
{
    public static NpgsqlBatchCommand InsertDealer(Dealer dealer) => Command(
        """
        INSERT INTO dealers (id, sponsor_id, email, phone, name, created_at, source_job_id, source_row_number)
        VALUES (@id, @sponsor, @email, @phone, @name, @at, @job, @row)
        """,
        ("id", dealer.Id),
        ("sponsor", dealer.SponsorId),
        ("email", dealer.Email),
        ("phone", dealer.Phone),
        ("name", dealer.Name),
        ("at", dealer.CreatedAt),
        ("job", dealer.SourceJobId),
        ("row", dealer.SourceRowNumber));

    /// <summary>
    /// Many invitations in one statement (a unique violation fails them all), each with its first SMS attempt
    /// already claimed when it is to get one (<see cref="ClaimSms"/>).
    /// </summary>
    public static NpgsqlBatchCommand InsertInvitations(IReadOnlyList<DealerInvitation> invitations) => Command(
        """
        INSERT INTO dealer_invitations (id, sponsor_id, bulk_job_id, row_number, type, status, email, phone, dealer_name,
                                        tier, code_count, token, expires_at, dealer_id, created_at,
                                        sms_attempts, sms_attempt_at, sms_claimed_until, sms_in_doubt, sms_possible_duplicate)
        SELECT *, false FROM unnest(@ids, @sponsors, @jobs, @rows, @types, @statuses, @emails, @phones, @names, @tiers, @counts,
                                    @tokens, @expires, @dealers, @ats, @sms_attempts, @sms_ats, @sms_untils, @sms_doubts)
        """,
        ("ids", invitations.Select(i => i.Id).ToArray()),
        ("sponsors", invitations.Select(i => i.SponsorId).ToArray()),
        ("jobs", invitations.Select(i => i.BulkJobId).ToArray()),
        ("rows", invitations.Select(i => i.RowNumber).ToArray()),
        ("types", invitations.Select(i => i.Type.ToString()).ToArray()),
        ("statuses", invitations.Select(i => i.Status.ToString()).ToArray()),
        ("emails", invitations.Select(i => i.Email).ToArray()),
        ("phones", invitations.Select(i => i.Phone).ToArray()),
        ("names", invitations.Select(i => i.DealerName).ToArray()),
        ("tiers", invitations.Select(i => i.Tier.ToString()).ToArray()),
        ("counts", invitations.Select(i => i.CodeCount).ToArray()),
        ("tokens", invitations.Select(i => i.Token).ToArray()),
        ("expires", invitations.Select(i => i.ExpiresAt).ToArray()),
        ("dealers", invitations.Select(i => i.DealerId).ToArray()),
        ("ats", invitations.Select(i => i.CreatedAt).ToArray()),
        ("sms_attempts", invitations.Select(i => i.SmsAttempts).ToArray()),
        ("sms_ats", invitations.Select(i => i.SmsAttemptAt).ToArray()),
        ("sms_untils", invitations.Select(i => i.SmsClaimedUntil).ToArray()),
        ("sms_doubts", invitations.Select(i => i.SmsInDoubt).ToArray()));

    /// <summary>
    /// Many invitations' codes in one statement, the same codes <see cref="HandOverCodes"/> would pick one after
    /// the other: each job and tier's pool is taken at once (in id order, SKIP LOCKED) and cut into consecutive
    /// runs, one per invitation. Fewer codes changed than the invitations ask for in all means some went short.
    /// Codes are updated by tuple id, so no plan depends on the table's statistics; a code another transaction
    /// changed after the statement began is left out, and the group, short, is done row by row.
    /// </summary>
    public static NpgsqlBatchCommand HandOverCodes(IReadOnlyList<DealerInvitation> invitations) => Command(
        """
        WITH wanted AS (
            SELECT w.*, sum(w.count) OVER (PARTITION BY w.job_id, w.tier ORDER BY w.ord) - w.count AS first
            FROM unnest(@invitations, @dealers, @rows, @jobs, @tiers, @counts, @ats) WITH ORDINALITY
                 AS w(invitation_id, dealer_id, row_number, job_id, tier, count, at, ord)),
        taken AS (
            SELECT c.tid, p.job_id, p.tier, row_number() OVER (PARTITION BY p.job_id, p.tier ORDER BY c.id) - 1 AS n
            FROM (SELECT job_id, tier, sum(count)::int AS total FROM wanted GROUP BY job_id, tier) p
            CROSS JOIN LATERAL (SELECT ctid AS tid, id FROM sponsorship_codes
                                WHERE reserved_by_job_id = p.job_id AND tier = p.tier AND assigned_at IS NULL
                                ORDER BY id LIMIT p.total FOR UPDATE SKIP LOCKED) c)
        UPDATE sponsorship_codes s
        SET invitation_id = w.invitation_id, dealer_id = w.dealer_id, assigned_row_number = w.row_number, assigned_at = w.at
        FROM taken t JOIN wanted w ON w.job_id = t.job_id AND w.tier = t.tier AND t.n >= w.first AND t.n < w.first + w.count
        WHERE s.ctid = t.tid
        """,
        ("invitations", invitations.Select(i => i.Id).ToArray()),
        ("dealers", invitations.Select(i => i.DealerId).ToArray()),
        ("rows", invitations.Select(i => i.RowNumber).ToArray()),
        ("jobs", invitations.Select(i => i.BulkJobId).ToArray()),
        ("tiers", invitations.Select(i => i.Tier.ToString()).ToArray()),
        ("counts", invitations.Select(i => i.CodeCount).ToArray()),
        ("ats", invitations.Select(i => i.CreatedAt).ToArray()));

    /// <summary>
    /// Claims the next SMS attempt of invitations made earlier (the attempt record, committed before the
    /// request goes out): the attempt number, when it started, the lease, and, when the attempt before it
    /// ended without a known result, the possible-duplicate mark. Each row's lock is held by the transaction
    /// (every writer of these columns takes it first), so no invitation changes under the statement.
    /// </summary>
    public static NpgsqlBatchCommand ClaimSms(IReadOnlyList<SmsClaim> claims) => Command(
        """
        UPDATE dealer_invitations d
        SET sms_attempts = c.attempt, sms_attempt_at = c.at, sms_claimed_until = c.until, sms_in_doubt = true,
            sms_possible_duplicate = d.sms_possible_duplicate OR c.takeover
        FROM (SELECT x.tid, u.*
              FROM unnest(@ids, @attempts, @ats, @untils, @takeovers) AS u(id, attempt, at, until, takeover)
              CROSS JOIN LATERAL (SELECT y.ctid AS tid FROM dealer_invitations y
                                  WHERE y.id = u.id AND y.sms_sent_at IS NULL FOR UPDATE) x) c
        WHERE d.ctid = c.tid
        """,
        ("ids", claims.Select(c => c.InvitationId).ToArray()),
        ("attempts", claims.Select(c => c.Attempt).ToArray()),
        ("ats", claims.Select(c => c.At).ToArray()),
        ("untils", claims.Select(c => c.Until).ToArray()),
        ("takeovers", claims.Select(c => c.Takeover).ToArray()));

    /// <summary>
    /// The result of each SMS attempt: sent (at, the provider's id), or not, and then whether it may have gone
    /// out anyway (in doubt). Only the attempt that holds the claim gives it up: one taken over meanwhile
    /// leaves the newer claim alone. A message sent is marked sent whichever attempt sent it.
    /// </summary>
    public static NpgsqlBatchCommand SettleSms(IReadOnlyList<SmsSettlement> settled) => Command(
        """
        UPDATE dealer_invitations d
        SET sms_sent_at = COALESCE(d.sms_sent_at, m.sent_at),
            sms_provider_message_id = CASE WHEN d.sms_sent_at IS NULL AND m.sent_at IS NOT NULL THEN m.provider
                                           ELSE d.sms_provider_message_id END,
            sms_claimed_until = CASE WHEN d.sms_attempts = m.attempt THEN NULL ELSE d.sms_claimed_until END,
            sms_in_doubt = CASE WHEN d.sms_attempts = m.attempt THEN m.in_doubt ELSE d.sms_in_doubt END
        FROM (SELECT x.tid, u.*
              FROM unnest(@ids, @attempts, @sent, @providers, @doubts) AS u(id, attempt, sent_at, provider, in_doubt)
              CROSS JOIN LATERAL (SELECT y.ctid AS tid FROM dealer_invitations y WHERE y.id = u.id FOR UPDATE) x) m
        WHERE d.ctid = m.tid
        """,
        ("ids", settled.Select(s => s.InvitationId).ToArray()),
        ("attempts", settled.Select(s => s.Attempt).ToArray()),
        ("sent", settled.Select(s => s.SentAt).ToArray()),
        ("providers", settled.Select(s => s.ProviderMessageId).ToArray()),
        ("doubts", settled.Select(s => s.InDoubt).ToArray()));

    public static NpgsqlBatchCommand Command(string sql, params (string Name, object? Value)[] parameters)
    {
        var command = new NpgsqlBatchCommand(sql);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        return command;
    }
}
