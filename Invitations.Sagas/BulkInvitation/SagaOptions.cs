namespace Invitations.Sagas.BulkInvitation;

public sealed class SagaOptions
{
    public const string SectionName = "Saga";

    /// <summary>At most one progress event per job per interval; a suppressed one follows within it.</summary>
    public TimeSpan ProgressInterval { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>A running job with no outcome for this long has its pending rows dispatched again.</summary>
    public TimeSpan StallTimeout { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Saga messages handled at once by one worker; the partitioner keeps one job's messages in order.</summary>
    public int ConcurrentMessageLimit { get; set; } = 16;

    /// <summary>Dealer outcome events coalesced into one saga message at most.</summary>
    public int OutcomeBatchSize { get; set; } = 200;

    /// <summary>How long a batch of outcome events waits to fill before it goes to the saga.</summary>
    public TimeSpan OutcomeBatchWindow { get; set; } = TimeSpan.FromMilliseconds(25);

    /// <summary>Rows sent per page by the dispatcher.</summary>
    public int DispatchBatchSize { get; set; } = 500;
}
