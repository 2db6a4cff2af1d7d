namespace Invitations.Api.Uploads.Validation;

/// <summary>One problem in the file: the sheet's row number, the column as the sponsor knows it, the message.</summary>
public sealed record RowError(int Row, string Column, string Message);
