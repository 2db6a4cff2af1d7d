using Invitations.Contracts.BulkInvitations;
using Invitations.Infrastructure.Persistence.Entities;
using Npgsql;

namespace Invitations.Worker.Dealers;

/// <summary>
/// The read of a dealer row: the row, its job, any invitation already made for it and whether its email is
/// taken, in one statement, for one row or many (<see cref="DealerRowStore.LoadAsync"/>).
/// </summary>
internal static class DealerRowQuery
{
    private const string Columns = """
        SELECT r.status, r.attempts, r.email, r.phone, r.dealer_name, r.tier, r.code_count, r.error_code, r.error,
               j.sponsor_id, j.invitation_type, j.send_sms,
               i.id, i.type, i.status, i.dealer_id, i.token, i.expires_at, i.created_at, i.sms_sent_at,
               taken.email IS NOT NULL,
               r.job_id, r.row_number,
               i.sms_attempts, i.sms_claimed_until, i.sms_in_doubt, i.sms_possible_duplicate

        """;

    private const string Joins = """

        JOIN bulk_invitation_jobs j ON j.id = r.job_id
        LEFT JOIN dealer_invitations i ON i.bulk_job_id = r.job_id AND i.row_number = r.row_number
        LEFT JOIN LATERAL (SELECT d.email FROM dealers d WHERE d.sponsor_id = j.sponsor_id AND d.email = r.email
                           UNION ALL
                           SELECT p.email FROM dealer_invitations p
                           WHERE p.sponsor_id = j.sponsor_id AND p.email = r.email AND p.status = 'Pending'
                           LIMIT 1) taken ON i.id IS NULL

        """;

    // The rows are locked first, in a statement of their own (RowOutcomeCommand.LockRows): this statement's
    // snapshot then shows whatever the row's previous delivery committed, its invitation's SMS claim included.
    // Every lookup here is by an index, per row, whatever the statistics say: lateral subqueries, which the
    // planner cannot turn into joins or hashed subplans. Written as a join with the key list and as EXISTS
    // tests, the planner hashed the whole rows table, or every pending invitation of every sponsor, whenever
    // its statistics were older than the data, as they are in a new database: 8 ms a group at 10,000 rows,
    // growing with the tables.
    public const string LoadManySql = Columns + """
        FROM unnest(@jobs, @rows) AS u(job_id, row_number)
        CROSS JOIN LATERAL (SELECT * FROM bulk_invitation_rows x
                            WHERE x.job_id = u.job_id AND x.row_number = u.row_number FOR UPDATE) r
        """ + Joins;

    /// <summary>One row of <see cref="LoadManySql"/>.</summary>
    public static DealerRow Read(NpgsqlDataReader reader)
    {
        var jobId = reader.GetGuid(21);
        var rowNumber = reader.GetInt32(22);
        var email = reader.GetString(2);
        var phone = reader.GetString(3);
        var name = reader.GetString(4);
        var tier = Enum.Parse<PackageTier>(reader.GetString(5));
        var codeCount = reader.GetInt32(6);
        var sponsorId = reader.GetInt64(9);
        DealerInvitation? invitation = reader.IsDBNull(12) ? null : new DealerInvitation
        {
            Id = reader.GetGuid(12),
            Type = Enum.Parse<InvitationType>(reader.GetString(13)),
            Status = Enum.Parse<InvitationStatus>(reader.GetString(14)),
            DealerId = reader.IsDBNull(15) ? null : reader.GetGuid(15),
            Token = reader.GetString(16),
            ExpiresAt = reader.GetFieldValue<DateTimeOffset>(17),
            CreatedAt = reader.GetFieldValue<DateTimeOffset>(18),
            SmsSentAt = reader.IsDBNull(19) ? null : reader.GetFieldValue<DateTimeOffset>(19),
            SmsAttempts = reader.GetInt32(23),
            SmsClaimedUntil = reader.IsDBNull(24) ? null : reader.GetFieldValue<DateTimeOffset>(24),
            SmsInDoubt = reader.GetBoolean(25),
            SmsPossibleDuplicate = reader.GetBoolean(26),
            SponsorId = sponsorId,
            BulkJobId = jobId,
            RowNumber = rowNumber,
            Email = email,
            Phone = phone,
            DealerName = name,
            Tier = tier,
            CodeCount = codeCount,
        };
        return new DealerRow(
            jobId,
            rowNumber,
            Enum.Parse<RowStatus>(reader.GetString(0)),
            reader.GetInt32(1),
            email,
            phone,
            name,
            tier,
            codeCount,
            reader.IsDBNull(7) ? null : reader.GetString(7),
            reader.IsDBNull(8) ? null : reader.GetString(8),
            sponsorId,
            Enum.Parse<InvitationType>(reader.GetString(10)),
            reader.GetBoolean(11),
            invitation,
            reader.GetBoolean(20));
    }
}
