namespace Invitations.Api.Uploads.Parsing;

/// <summary>What a reader found: the non-empty rows of the first sheet, header included.</summary>
public sealed record RawSheet(IReadOnlyList<SheetRow> Rows);
