using Invitations.Contracts.BulkInvitations;
using Invitations.Data.Persistence;
using Invitations.Data.Persistence.Entities;
using Npgsql;

namespace Invitations.Worker.Dealers;

/// <summary>
/// The read of a dealer row: the row, its job, any invitation already made for it and whether its email is
/// taken, in one statement, for one row or many (<see cref="DealerRowStore.LoadAsync"/>).
/// </summary>
internal static class DealerRowQuery
{
    // Every column is named, aliased where the row, the job and the invitation share a name: RowReader finds
    // them by name, so the list's order is free.
    private const string Columns = """
        SELECT r.job_id, r.row_number, r.status AS row_status, r.attempts, r.email, r.phone, r.dealer_name, r.tier,
               r.code_count, r.error_code, r.error,
               j.sponsor_id, j.invitation_type AS job_invitation_type, j.send_sms,
               i.id AS invitation_id, i.type AS invitation_type, i.status AS invitation_status, i.dealer_id, i.token,
               i.expires_at, i.created_at, i.sms_sent_at, i.sms_attempts, i.sms_claimed_until, i.sms_in_doubt,
               i.sms_possible_duplicate,
               taken.email IS NOT NULL AS email_taken

        """;

    private const string Joins = """

        JOIN bulk_invitation_jobs j ON j.id = r.job_id
        LEFT JOIN dealer_invitations i ON i.bulk_job_id = r.job_id AND i.row_number = r.row_number
        LEFT JOIN LATERAL (SELECT t.email FROM taken_emails t WHERE t.sponsor_id = j.sponsor_id AND t.email = r.email
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

    /// <summary>
    /// The rows of <see cref="LoadManySql"/>: each column's ordinal is found by its name once, for the result
    /// set; every row is then read through it.
    /// </summary>
    public sealed class RowReader
    {
        private readonly Column<Guid> _jobId;
        private readonly Column<int> _rowNumber;
        private readonly EnumColumn<RowStatus> _rowStatus;
        private readonly Column<int> _attempts;
        private readonly Column<string> _email;
        private readonly Column<string> _phone;
        private readonly Column<string> _dealerName;
        private readonly EnumColumn<PackageTier> _tier;
        private readonly Column<int> _codeCount;
        private readonly OptionalColumn<string> _errorCode;
        private readonly OptionalColumn<string> _error;
        private readonly Column<long> _sponsorId;
        private readonly EnumColumn<InvitationType> _jobInvitationType;
        private readonly Column<bool> _sendSms;
        private readonly NullableColumn<Guid> _invitationId;
        private readonly EnumColumn<InvitationType> _invitationType;
        private readonly EnumColumn<InvitationStatus> _invitationStatus;
        private readonly NullableColumn<Guid> _dealerId;
        private readonly Column<string> _token;
        private readonly Column<DateTimeOffset> _expiresAt;
        private readonly Column<DateTimeOffset> _createdAt;
        private readonly NullableColumn<DateTimeOffset> _smsSentAt;
        private readonly Column<int> _smsAttempts;
        private readonly NullableColumn<DateTimeOffset> _smsClaimedUntil;
        private readonly Column<bool> _smsInDoubt;
        private readonly Column<bool> _smsPossibleDuplicate;
        private readonly Column<bool> _emailTaken;

        public RowReader(NpgsqlDataReader reader)
        {
            var columns = new ResultColumns(reader);
            _jobId = columns.Required<Guid>("job_id");
            _rowNumber = columns.Required<int>("row_number");
            _rowStatus = columns.Enum<RowStatus>("row_status");
            _attempts = columns.Required<int>("attempts");
            _email = columns.Required<string>("email");
            _phone = columns.Required<string>("phone");
            _dealerName = columns.Required<string>("dealer_name");
            _tier = columns.Enum<PackageTier>("tier");
            _codeCount = columns.Required<int>("code_count");
            _errorCode = columns.Optional<string>("error_code");
            _error = columns.Optional<string>("error");
            _sponsorId = columns.Required<long>("sponsor_id");
            _jobInvitationType = columns.Enum<InvitationType>("job_invitation_type");
            _sendSms = columns.Required<bool>("send_sms");
            _invitationId = columns.Nullable<Guid>("invitation_id");
            _invitationType = columns.Enum<InvitationType>("invitation_type");
            _invitationStatus = columns.Enum<InvitationStatus>("invitation_status");
            _dealerId = columns.Nullable<Guid>("dealer_id");
            _token = columns.Required<string>("token");
            _expiresAt = columns.Required<DateTimeOffset>("expires_at");
            _createdAt = columns.Required<DateTimeOffset>("created_at");
            _smsSentAt = columns.Nullable<DateTimeOffset>("sms_sent_at");
            _smsAttempts = columns.Required<int>("sms_attempts");
            _smsClaimedUntil = columns.Nullable<DateTimeOffset>("sms_claimed_until");
            _smsInDoubt = columns.Required<bool>("sms_in_doubt");
            _smsPossibleDuplicate = columns.Required<bool>("sms_possible_duplicate");
            _emailTaken = columns.Required<bool>("email_taken");
        }

        /// <summary>The current row.</summary>
        public DealerRow Read()
        {
            var jobId = _jobId.Value;
            var rowNumber = _rowNumber.Value;
            var email = _email.Value;
            var phone = _phone.Value;
            var name = _dealerName.Value;
            var tier = _tier.Value;
            var codeCount = _codeCount.Value;
            var sponsorId = _sponsorId.Value;
            DealerInvitation? invitation = _invitationId.Value is not { } invitationId ? null : new DealerInvitation
            {
                Id = invitationId,
                Type = _invitationType.Value,
                Status = _invitationStatus.Value,
                DealerId = _dealerId.Value,
                Token = _token.Value,
                ExpiresAt = _expiresAt.Value,
                CreatedAt = _createdAt.Value,
                SmsSentAt = _smsSentAt.Value,
                SmsAttempts = _smsAttempts.Value,
                SmsClaimedUntil = _smsClaimedUntil.Value,
                SmsInDoubt = _smsInDoubt.Value,
                SmsPossibleDuplicate = _smsPossibleDuplicate.Value,
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
                _rowStatus.Value,
                _attempts.Value,
                email,
                phone,
                name,
                tier,
                codeCount,
                _errorCode.Value,
                _error.Value,
                sponsorId,
                _jobInvitationType.Value,
                _sendSms.Value,
                invitation,
                _emailTaken.Value);
        }
    }
}
