namespace Invitations.Data.SagaRepository;

public enum SagaConcurrencyMode
{
    /// <summary>The saga row is locked with <c>SELECT ... FOR UPDATE</c> until the transaction commits.</summary>
    Pessimistic,

    /// <summary>No lock on load; the version column must still match when the saga is saved.</summary>
    Optimistic,
}
