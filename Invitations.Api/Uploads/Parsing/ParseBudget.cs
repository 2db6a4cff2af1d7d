namespace Invitations.Api.Uploads.Parsing;

/// <summary>
/// The bounds of one parse: its deadline, the longest cell it keeps and the refusals it raises. Every reader
/// checks it as it goes, so a file that slips past the counts still ends within <see cref="UploadOptions.ParseTimeout"/>.
/// </summary>
public sealed class ParseBudget(UploadOptions options, TimeProvider clock)
{
    // The clock itself, not a timer: under load a timer's callback can come after the whole parse is done.
    private readonly long _start = clock.GetTimestamp();
    private int _checks;

    /// <summary>Enough to tell a too-long cell (the validator reports it) without holding the rest of it.</summary>
    public int MaxKeptCellLength { get; } = options.MaxCellLength + 1;

    public UploadOptions Options { get; } = options;

    /// <summary>The counts this parse may reach, from <see cref="Options"/>.</summary>
    public SheetLimits Limits { get; } = SheetLimits.From(options);

    public void Check()
    {
        if ((++_checks & 63) == 0 && clock.GetElapsedTime(_start) > Options.ParseTimeout)
        {
            throw new UploadRejectedException(
                StatusCodes.Status400BadRequest, "title.corrupt", "too-slow", Options.ParseTimeout.TotalSeconds);
        }
    }

    public static UploadRejectedException TooComplex(string part, string what) =>
        new(StatusCodes.Status400BadRequest, "title.corrupt", "too-complex", part, what);

    public static UploadRejectedException BadReference(string part, string? reference) =>
        new(StatusCodes.Status400BadRequest, "title.corrupt", "bad-reference", part,
            reference is null ? string.Empty : reference.Length <= 20 ? reference : reference[..20] + "...");
}
