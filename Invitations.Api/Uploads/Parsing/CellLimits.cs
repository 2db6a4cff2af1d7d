namespace Invitations.Api.Uploads.Parsing;

internal static class CellLimits
{
    /// <summary>Columns beyond these are ignored: the five we read plus room for a sponsor's own notes.</summary>
    public const int MaxColumns = 30;
}
