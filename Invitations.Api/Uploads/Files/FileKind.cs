namespace Invitations.Api.Uploads.Files;

public enum FileKind
{
    Xlsx,
    Csv,
}
