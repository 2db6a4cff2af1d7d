namespace Invitations.Api.Hubs;

public sealed class ProgressThrottleOptions
{
    public const string SectionName = "Progress";

    /// <summary>At most one progress message per job per interval reaches the browsers.</summary>
    public TimeSpan MinInterval { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>How long a finished job is remembered, so late progress for it is dropped.</summary>
    public TimeSpan FinishedRetention { get; set; } = TimeSpan.FromMinutes(10);
}
