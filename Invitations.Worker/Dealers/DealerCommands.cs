using Invitations.Infrastructure.Persistence.Entities;
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

    public static NpgsqlBatchCommand InsertInvitation(DealerInvitation invitation) => InsertInvitations([invitation]);

    /// <summary>Many invitations in one statement (a unique violation fails them all).</summary>
    public static NpgsqlBatchCommand InsertInvitations(IReadOnlyList<DealerInvitation> invitations) => Command(
        """
        INSERT INTO dealer_invitations (id, sponsor_id, bulk_job_id, row_number, type, status, email, phone, dealer_name,
                                        tier, code_count, token, expires_at, dealer_id, created_at)
        SELECT * FROM unnest(@ids, @sponsors, @jobs, @rows, @types, @statuses, @emails, @phones, @names, @tiers, @counts,
                             @tokens, @expires, @dealers, @ats)
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
        ("ats", invitations.Select(i => i.CreatedAt).ToArray()));

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
    /// Many invitations' SMS sent (each by tuple id, as above). Nothing else in the service changes an
    /// invitation, and the row's session lock keeps the row's other deliveries out, so no lock is needed first.
    /// </summary>
    public static NpgsqlBatchCommand MarkSmsSent(IReadOnlyList<(Guid InvitationId, string? ProviderId, DateTimeOffset At)> sent) => Command(
        """
        UPDATE dealer_invitations d SET sms_sent_at = m.at, sms_provider_message_id = m.provider
        FROM (SELECT x.tid, u.provider, u.at
              FROM unnest(@ids, @providers, @ats) AS u(id, provider, at)
              CROSS JOIN LATERAL (SELECT y.ctid AS tid FROM dealer_invitations y
                                  WHERE y.id = u.id AND y.sms_sent_at IS NULL FOR UPDATE) x) m
        WHERE d.ctid = m.tid
        """,
        ("ids", sent.Select(s => s.InvitationId).ToArray()),
        ("providers", sent.Select(s => s.ProviderId).ToArray()),
        ("ats", sent.Select(s => s.At).ToArray()));

    /// <summary>ORDER BY on the partial index plus SKIP LOCKED keeps concurrent rows of one job off each other (FACTS.md).</summary>
    public static NpgsqlBatchCommand HandOverCodes(DealerInvitation invitation) => Command(
        """
        UPDATE sponsorship_codes SET invitation_id = @invitation, dealer_id = @dealer, assigned_row_number = @row, assigned_at = @at
        WHERE id IN (SELECT id FROM sponsorship_codes
                     WHERE reserved_by_job_id = @job AND tier = @tier AND assigned_at IS NULL
                     ORDER BY id LIMIT @count FOR UPDATE SKIP LOCKED)
        """,
        ("invitation", invitation.Id),
        ("dealer", invitation.DealerId),
        ("row", invitation.RowNumber),
        ("at", invitation.CreatedAt),
        ("job", invitation.BulkJobId),
        ("tier", invitation.Tier.ToString()),
        ("count", invitation.CodeCount));

    public static NpgsqlBatchCommand MarkSmsSent(Guid invitationId, string? providerId, DateTimeOffset at) => Command(
        "UPDATE dealer_invitations SET sms_sent_at = @at, sms_provider_message_id = @provider WHERE id = @id AND sms_sent_at IS NULL",
        ("id", invitationId),
        ("provider", providerId),
        ("at", at));

    /// <summary>The row's session lock (see <see cref="DealerRowStore.LoadAsync"/>).</summary>
    public static NpgsqlBatchCommand RowLock(int jobKey, int row) => Command(
        "SELECT pg_advisory_lock(@job_key, @row)", ("job_key", jobKey), ("row", row));

    /// <summary>Several rows' session locks, taken one after the other in the order given.</summary>
    public static NpgsqlBatchCommand RowLocks(IReadOnlyCollection<(int Job, int Row)> keys) => Command(
        "SELECT count(pg_advisory_lock(k, r)) FROM unnest(@job_keys, @rows) AS u(k, r)",
        ("job_keys", keys.Select(k => k.Job).ToArray()),
        ("rows", keys.Select(k => k.Row).ToArray()));

    /// <summary>Every session lock of the connection: a store's connection is its own, so these are its rows'.</summary>
    public static NpgsqlBatchCommand ReleaseRowLocks() => Command("SELECT pg_advisory_unlock_all()");

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
