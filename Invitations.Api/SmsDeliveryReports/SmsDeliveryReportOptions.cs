namespace Invitations.Api.SmsDeliveryReports;

/// <summary>The gateway's delivery-report webhook.</summary>
public sealed class SmsDeliveryReportOptions
{
    public const string SectionName = "SmsDeliveryReports";

    /// <summary>The secret shared with the gateway; the body's HMAC-SHA256 under it signs each report. Empty: every report is refused (401).</summary>
    public string Secret { get; set; } = string.Empty;

    /// <summary>The header carrying the signature: hex (or <c>sha256=</c> and hex) of HMAC-SHA256(secret, body).</summary>
    public string SignatureHeader { get; set; } = "X-Signature";

    /// <summary>A larger body is refused (413) before it is read whole.</summary>
    public int MaxBodyBytes { get; set; } = 4096;
}
