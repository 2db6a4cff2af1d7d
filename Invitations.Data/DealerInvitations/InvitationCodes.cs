namespace Invitations.Data.DealerInvitations;

/// <summary>The one statement that gives an answered invitation's codes back (decline in the Api, expiry in the Worker).</summary>
public static class InvitationCodes
{
    /// <summary>
    /// Codes handed over to the invitations <c>@invitations</c> return to the sponsor's pool: neither reserved
    /// nor assigned, so the next upload's reservation (<c>ix_sponsorship_codes_available</c>) finds them.
    /// </summary>
    public const string ReleaseSql = """
        UPDATE sponsorship_codes
        SET invitation_id = NULL, dealer_id = NULL, assigned_row_number = NULL, assigned_at = NULL,
            reserved_by_job_id = NULL, reserved_at = NULL
        WHERE invitation_id = ANY(@invitations)
        """;
}
