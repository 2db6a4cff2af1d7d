namespace Invitations.Sagas.BulkInvitation.Ports;

/// <summary>What recording an outcome changed: the row's previous status decides which counters move.</summary>
public enum RecordedOutcome
{
    /// <summary>Already recorded (a duplicate, or a stale attempt): nothing changes.</summary>
    Ignored,
    FromPending,
    FromSkipped,
}
