using Invitations.Contracts.BulkInvitations;

namespace Invitations.Data.Persistence.Entities;

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

    /// <summary>When the dealer accepted or declined, or the sweep expired it.</summary>
    public DateTimeOffset? AnsweredAt { get; set; }

    /// <summary>How many SMS resends were asked for; the n-th resend's SMS is sms_messages' resend number n.</summary>
    public int SmsResendCount { get; set; }

    /// <summary>When the last resend was asked for (one per 10 minutes).</summary>
    public DateTimeOffset? SmsResentAt { get; set; }

    /// <summary>How many of those resends the Worker has sent (resend n goes out once, when this is below n).</summary>
    public int SmsResendsSent { get; set; }

    /// <summary>From the gateway's delivery reports; null until the first report.</summary>
    public SmsDeliveryStatus? SmsDeliveryStatus { get; set; }

    public string? SmsDeliveryReason { get; set; }

    /// <summary>The time the newest recorded report gives (the gateway's, else when it arrived).</summary>
    public DateTimeOffset? SmsDeliveryReportedAt { get; set; }

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
