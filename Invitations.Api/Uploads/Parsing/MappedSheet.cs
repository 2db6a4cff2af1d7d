namespace Invitations.Api.Uploads.Parsing;

/// <summary>The sheet's rows mapped to columns; <see cref="Header"/> is null when the seed's order applied.</summary>
public sealed record MappedSheet(
    SheetRow? Header,
    IReadOnlyList<DealerRowInput> Rows,
    IReadOnlyList<DealerColumn> MissingColumns);
