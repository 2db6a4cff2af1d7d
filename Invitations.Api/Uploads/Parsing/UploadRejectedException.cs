namespace Invitations.Api.Uploads.Parsing;

/// <summary>The file itself is unacceptable (too large, not a spreadsheet, corrupt): one message, no row errors.</summary>
public sealed class UploadRejectedException(int statusCode, string titleKey, string detailKey, params object?[] args)
    : Exception(detailKey)
{
    public int StatusCode { get; } = statusCode;
    public string TitleKey { get; } = titleKey;
    public string DetailKey { get; } = detailKey;
    public IReadOnlyList<object?> Args { get; } = args;
}
