namespace Invitations.Api.Uploads.Files;

/// <summary>The uploaded file, read into memory within the size limit, with its SHA-256 (lower-case hex).</summary>
public sealed record UploadedFile(string FileName, byte[] Content, string Sha256);
