namespace Invitations.Data.Persistence.Entities;

/// <summary>What the gateway's delivery reports said about an invitation's SMS.</summary>
public enum SmsDeliveryStatus
{
    /// <summary>Accepted by the gateway; no final report yet.</summary>
    Sent,

    /// <summary>Final: the phone received it.</summary>
    Delivered,

    /// <summary>Final: the operator gave up (the reason is kept).</summary>
    Undelivered,
}
