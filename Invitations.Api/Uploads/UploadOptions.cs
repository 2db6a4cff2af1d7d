namespace Invitations.Api.Uploads;

/// <summary>Limits of an upload, bound from <c>Uploads:</c>.</summary>
public sealed class UploadOptions
{
    public const string SectionName = "Uploads";

    public long MaxFileBytes { get; set; } = 5 * 1024 * 1024;
    /// <summary>Dealers a file may hold; the readers' element, character and shared-string bounds grow with it (Parsing/SheetLimits).</summary>
    public int MaxRows { get; set; } = 2_000;

    /// <summary>The longest cell; with <see cref="MaxRows"/> it sets how many characters a part may hold.</summary>
    public int MaxCellLength { get; set; } = 1_000;

    /// <summary>Sum of the declared uncompressed sizes of an .xlsx's parts: a zip bomb stops here.</summary>
    public long MaxUncompressedBytes { get; set; } = 50 * 1024 * 1024;

    public int MaxZipEntries { get; set; } = 1_000;
    public int MaxCodeCountPerRow { get; set; } = 1_000;

    /// <summary>Uploads per sponsor per <see cref="RateLimitWindow"/>.</summary>
    public int RateLimitPermits { get; set; } = 30;
    public TimeSpan RateLimitWindow { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Uploads parsed at once by this process; beyond, a caller waits up to <see cref="ParseTimeout"/>, then gets a 503.</summary>
    public int MaxConcurrentParses { get; set; } = 2;

    /// <summary>The longest one parse may take before the file is refused (400); also the longest wait for a parse slot.</summary>
    public TimeSpan ParseTimeout { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How long the Api waits for the broker to take <c>BulkInvitationSubmitted</c>; the dispatcher re-publishes after.</summary>
    public TimeSpan PublishTimeout { get; set; } = TimeSpan.FromSeconds(5);
}
