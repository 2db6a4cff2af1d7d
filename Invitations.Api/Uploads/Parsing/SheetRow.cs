namespace Invitations.Api.Uploads.Parsing;

/// <summary>One non-empty row of the sheet: its own row number and its cells as text, in sheet order.</summary>
public sealed record SheetRow(int RowNumber, IReadOnlyList<string> Cells);
