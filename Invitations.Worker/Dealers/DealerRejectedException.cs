namespace Invitations.Worker.Dealers;

/// <summary>A business rejection: the row cannot succeed as it is, so it is never retried. Reason codes: <see cref="Invitations.Contracts.Dealers.RejectionReasons"/>.</summary>
public sealed class DealerRejectedException(string reasonCode, string reason) : Exception(reason)
{
    public string ReasonCode { get; } = reasonCode;
}
