using Invitations.Contracts.BulkInvitations;
using Invitations.Data.Persistence.Entities;

namespace Invitations.Worker.Dealers;

/// <summary>
/// Everything one delivery needs, read in one statement: the row (locked), its job, the invitation an
/// earlier delivery made, and whether the email is already taken by a dealer or a pending invitation.
/// </summary>
public sealed record DealerRow(
    Guid JobId,
    int RowNumber,
    RowStatus Status,
    int Attempts,
    string Email,
    string Phone,
    string DealerName,
    PackageTier Tier,
    int CodeCount,
    string? ErrorCode,
    string? Error,
    long SponsorId,
    InvitationType InvitationType,
    bool SendSms,
    DealerInvitation? Invitation,
    bool EmailTaken);
