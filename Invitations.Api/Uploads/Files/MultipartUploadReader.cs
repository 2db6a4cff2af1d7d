using System.Security.Cryptography;
using System.Text;
using Invitations.Api.Uploads.Parsing;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace Invitations.Api.Uploads.Files;

/// <summary>
/// Reads a multipart upload section by section, never through the form binder: the size limit is
/// checked against Content-Length before anything is read and again while the file streams in.
/// </summary>
public static class MultipartUploadReader
{
    /// <summary>Room for the boundaries and the small form fields beside the file.</summary>
    private const int FormOverheadBytes = 64 * 1024;
    private const int MaxFieldLength = 256;
    private const int MaxSections = 20;

    public static async Task<(UploadedFile File, Dictionary<string, string> Fields)> ReadAsync(
        HttpRequest request, UploadOptions options, CancellationToken cancellationToken)
    {
        var limit = options.MaxFileBytes + FormOverheadBytes;
        if (request.ContentLength > limit)
        {
            throw TooLarge(options);
        }

        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } bodySize)
        {
            bodySize.MaxRequestBodySize = limit;
        }

        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var contentType)
            || !contentType.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase)
            || HeaderUtilities.RemoveQuotes(contentType.Boundary).Value is not { Length: > 0 } boundary)
        {
            throw new UploadRejectedException(StatusCodes.Status400BadRequest, "title.bad-request", "missing-file");
        }

        var reader = new MultipartReader(boundary, request.Body);
        var fields = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        UploadedFile? file = null;
        try
        {
            file = await ReadSectionsAsync(reader, fields, options, cancellationToken);
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException)
        {
            // A malformed multipart body (bad boundary, cut off) is the client's error, not ours.
            throw new UploadRejectedException(StatusCodes.Status400BadRequest, "title.bad-request", "missing-file");
        }

        return file is null
            ? throw new UploadRejectedException(StatusCodes.Status400BadRequest, "title.bad-request", "missing-file")
            : (file, fields);
    }

    private static async Task<UploadedFile?> ReadSectionsAsync(
        MultipartReader reader, Dictionary<string, string> fields, UploadOptions options, CancellationToken cancellationToken)
    {
        UploadedFile? file = null;
        for (var count = 0; count < MaxSections && await reader.ReadNextSectionAsync(cancellationToken) is { } section; count++)
        {
            if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition))
            {
                continue;
            }

            var name = HeaderUtilities.RemoveQuotes(disposition.Name).Value ?? string.Empty;
            if (disposition.IsFileDisposition() && name.Equals("file", StringComparison.OrdinalIgnoreCase) && file is null)
            {
                var fileName = HeaderUtilities.RemoveQuotes(disposition.FileNameStar.HasValue ? disposition.FileNameStar : disposition.FileName).Value;
                file = await ReadFileAsync(section.Body, Path.GetFileName(fileName ?? "upload"), options, cancellationToken);
            }
            else if (!disposition.IsFileDisposition())
            {
                fields[name] = await ReadFieldAsync(section.Body, cancellationToken);
            }
        }

        return file;
    }

    private static async Task<UploadedFile> ReadFileAsync(Stream body, string fileName, UploadOptions options, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > options.MaxFileBytes)
            {
                throw TooLarge(options);
            }

            buffer.Write(chunk, 0, read);
        }

        var content = buffer.ToArray();
        var name = fileName.Length > 200 ? fileName[..200] : fileName;
        return new UploadedFile(name, content, Convert.ToHexStringLower(SHA256.HashData(content)));
    }

    private static async Task<string> ReadFieldAsync(Stream body, CancellationToken cancellationToken)
    {
        var chunk = new byte[MaxFieldLength + 1];
        var total = 0;
        int read;
        while (total < chunk.Length && (read = await body.ReadAsync(chunk.AsMemory(total), cancellationToken)) > 0)
        {
            total += read;
        }

        return Encoding.UTF8.GetString(chunk, 0, Math.Min(total, MaxFieldLength));
    }

    private static UploadRejectedException TooLarge(UploadOptions options) =>
        new(StatusCodes.Status413PayloadTooLarge, "title.too-large", "too-large", options.MaxFileBytes);
}
