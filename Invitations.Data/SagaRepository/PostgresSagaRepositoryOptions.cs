namespace Invitations.Data.SagaRepository;

/// <summary>How the PostgreSQL saga repository guards one saga against concurrent messages.</summary>
public sealed class PostgresSagaRepositoryOptions
{
    /// <summary>Pessimistic (row lock, the default) or optimistic (the saga must implement <c>ISagaVersion</c>).</summary>
    public SagaConcurrencyMode ConcurrencyMode { get; set; } = SagaConcurrencyMode.Pessimistic;

    /// <summary>
    /// How long a message waits for another message's lock on the same saga before PostgreSQL gives up
    /// (SqlState 55P03, retried by <c>UseMessageRetry</c>). Null waits as long as the server allows.
    /// </summary>
    public TimeSpan? LockTimeout { get; set; }
}
