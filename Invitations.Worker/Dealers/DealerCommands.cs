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

    public static NpgsqlBatchCommand InsertInvitation(DealerInvitation invitation) => Command(
        """
        INSERT INTO dealer_invitations (id, sponsor_id, bulk_job_id, row_number, type, status, email, phone, dealer_name,
                                        tier, code_count, token, expires_at, dealer_id, created_at)
        VALUES (@id, @sponsor, @job, @row, @type, @status, @email, @phone, @name, @tier, @count, @token, @expires, @dealer, @at)
        """,
        ("id", invitation.Id),
        ("sponsor", invitation.SponsorId),
        ("job", invitation.BulkJobId),
        ("row", invitation.RowNumber),
        ("type", invitation.Type.ToString()),
        ("status", invitation.Status.ToString()),
        ("email", invitation.Email),
        ("phone", invitation.Phone),
        ("name", invitation.DealerName),
        ("tier", invitation.Tier.ToString()),
        ("count", invitation.CodeCount),
        ("token", invitation.Token),
        ("expires", invitation.ExpiresAt),
        ("dealer", invitation.DealerId),
        ("at", invitation.CreatedAt));

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
