namespace Invitations.Worker.Dealers;

public enum DealerResultKind
{
    /// <summary>Skipped by a cancel before it ran, or a delivery of an attempt that is no longer current.</summary>
    NothingToReport,
    Invited,
    Rejected,
}
