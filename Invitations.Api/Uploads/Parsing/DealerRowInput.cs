namespace Invitations.Api.Uploads.Parsing;

/// <summary>One dealer row as the sponsor wrote it: the mapped cells, untrimmed, and every cell for the report.</summary>
public sealed record DealerRowInput(
    int RowNumber,
    string Email,
    string Phone,
    string DealerName,
    string CodeCount,
    string Tier,
    IReadOnlyList<string> Cells);
