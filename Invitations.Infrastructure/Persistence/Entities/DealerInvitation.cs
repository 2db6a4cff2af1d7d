using Invitations.Contracts.BulkInvitations;

namespace Invitations.Infrastructure.Persistence.Entities;

/// <summary>What one row of a bulk job produced: unique per (job, row), so a redelivery finds it.</summary>
public sealed class DealerInvitation
{
    public Guid Id { get; set; }
    public long SponsorId { get; set; }
    public Guid BulkJobId { get; set; }
    public int RowNumber { get; set; }
    public InvitationType Type { get; set; }
    public InvitationStatus Status { get; set; }
    public required string Email { get; set; }
    public required string Phone { get; set; }
    public required string DealerName { get; set; }
    public PackageTier Tier { get; set; }
    public int CodeCount { get; set; }

    /// <summary>URL-safe random token of the invitation link.</summary>
    public required string Token { get; set; }

    public DateTimeOffset ExpiresAt { get; set; }
    public Guid? DealerId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? SmsSentAt { get; set; }
    public string? SmsProviderMessageId { get; set; }

    /// <summary>SMS attempts started (each committed before its request goes to the gateway).</summary>
    public int SmsAttempts { get; set; }

    /// <summary>When the last SMS attempt started.</summary>
    public DateTimeOffset? SmsAttemptAt { get; set; }

    /// <summary>The last attempt is in flight until then (a lease); another delivery does not send meanwhile.</summary>
    public DateTimeOffset? SmsClaimedUntil { get; set; }

    /// <summary>An attempt started and its result is unknown (a crash, or no answer within the client's timeout).</summary>
    public bool SmsInDoubt { get; set; }

    /// <summary>The SMS was sent again after an attempt whose result is unknown: the dealer may have two.</summary>
    public bool SmsPossibleDuplicate { get; set; }
}
