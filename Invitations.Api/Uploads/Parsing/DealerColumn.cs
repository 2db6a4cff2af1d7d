namespace Invitations.Api.Uploads.Parsing;

/// <summary>The columns of an upload, in the seed's order (used when the file has no recognisable header).</summary>
public enum DealerColumn
{
    Email,
    Phone,
    DealerName,
    CodeCount,
    Tier,
}
