namespace Invitations.Data.Persistence.Entities;

/// <summary>
/// An email the sponsor cannot invite again: it belongs to one of its dealers or to one of its pending invitations
/// (an accepted, declined, expired or cancelled invitation leaves it free). Emails are stored normalized (trimmed,
/// lower-cased with the invariant culture), so the rule compares them as they are. A row of the view
/// <c>taken_emails</c>; the upload's validation, the Worker's row read and retry-failed all ask it.
/// </summary>
public sealed class TakenEmail
{
    public long SponsorId { get; init; }
    public required string Email { get; init; }
}
