using System.Data;
using Invitations.Contracts.BulkInvitations;
using Invitations.Data.BulkJobs;
using Invitations.Data.Persistence;
using Npgsql;

namespace Invitations.Worker.Dealers;

/// <summary>
/// The dealer consumer's SQL. It is written by hand, without an EF context, in as few round trips as the work
/// allows (one read, one batch of writes, the commit), because it runs once per dealer and sets the service's
/// throughput (docs/PERFORMANCE.md). The connection is the store's from a transaction's start to its end and
/// goes back to the pool in between (<see cref="CloseAsync"/>): nothing is held while the SMS gateway works.
/// </summary>
public sealed class DealerRowStore(NpgsqlDataSource dataSource) : IAsyncDisposable
{
    private NpgsqlConnection? _connection;

    private NpgsqlConnection Connection => _connection ?? throw new InvalidOperationException("No connection is open.");

    public async Task<NpgsqlTransaction> BeginAsync(CancellationToken cancellationToken)
    {
        await OpenAsync(cancellationToken);
        return await Connection.BeginTransactionAsync(IsolationLevel.ReadCommitted, cancellationToken);
    }

    public ValueTask DisposeAsync() => CloseAsync();

    /// <summary>Gives the connection back to the pool (the next transaction takes one again).</summary>
    public async ValueTask CloseAsync()
    {
        if (_connection is { } connection)
        {
            _connection = null;
            await connection.DisposeAsync();
        }
    }

    /// <summary>
    /// The rows, locked for the transaction first (in one order, so overlapping deliveries wait for each other
    /// instead of deadlocking), then read in a statement of their own, which therefore sees everything a
    /// previous delivery of a row committed: its invitation and its SMS attempt record. The lock keeps a
    /// cancel from skipping a row while it is being done; a row missing from the answer is gone with its job.
    /// </summary>
    public async Task<Dictionary<(Guid JobId, int RowNumber), DealerRow>> LoadAsync(
        NpgsqlTransaction transaction, IReadOnlyCollection<(Guid JobId, int RowNumber)> keys, CancellationToken cancellationToken)
    {
        await using var batch = new NpgsqlBatch(Connection, transaction)
        {
            BatchCommands =
            {
                RowOutcomeCommand.LockRows(InLockOrder(keys)),
                DealerCommands.Command(DealerRowQuery.LoadManySql, ("jobs", keys.Select(k => k.JobId).ToArray()), ("rows", keys.Select(k => k.RowNumber).ToArray())),
            },
        };
        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
        await reader.NextResultAsync(cancellationToken);
        var rows = new Dictionary<(Guid JobId, int RowNumber), DealerRow>();
        var rowReader = new DealerRowQuery.RowReader(reader);
        while (await reader.ReadAsync(cancellationToken))
        {
            var row = rowReader.Read();
            rows[(row.JobId, row.RowNumber)] = row;
        }

        return rows;
    }

    /// <summary>
    /// Writes in one round trip, in the open transaction; the caller reads what each command changed. Returns
    /// the rows a <see cref="RowOutcomeCommand.RecordOutcomes"/> among them recorded.
    /// </summary>
    public async Task<HashSet<(Guid JobId, int RowNumber)>> ExecuteAsync(
        NpgsqlTransaction transaction, IEnumerable<NpgsqlBatchCommand> commands, CancellationToken cancellationToken)
    {
        await using var batch = new NpgsqlBatch(Connection, transaction);
        foreach (var command in commands)
        {
            batch.BatchCommands.Add(command);
        }

        var recorded = new HashSet<(Guid JobId, int RowNumber)>();
        if (batch.BatchCommands.Count == 0)
        {
            return recorded;
        }

        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
        do
        {
            if (reader.FieldCount == 2 && reader.GetName(0) == RowOutcomeCommand.RecordedJob)
            {
                var (job, rowNumber) = RowOutcomeCommand.RecordedColumns(new ResultColumns(reader));
                while (await reader.ReadAsync(cancellationToken))
                {
                    recorded.Add((job.Value, rowNumber.Value));
                }
            }
        }
        while (await reader.NextResultAsync(cancellationToken));

        return recorded;
    }

    /// <summary>
    /// A transaction of its own: the rows locked first (the set-based writes find rows by key and change them
    /// by tuple id, which misses a row a concurrent cancel changed unless it is locked), then the writes, in one
    /// round trip, then the commit; the connection goes back to the pool.
    /// </summary>
    public async Task<HashSet<(Guid JobId, int RowNumber)>> WriteLockedAsync(
        IReadOnlyCollection<(Guid JobId, int RowNumber)> rows, IEnumerable<NpgsqlBatchCommand> writes, CancellationToken cancellationToken)
    {
        try
        {
            await using var transaction = await BeginAsync(cancellationToken);
            var recorded = await ExecuteAsync(transaction, writes.Prepend(RowOutcomeCommand.LockRows(InLockOrder(rows))), cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return recorded;
        }
        finally
        {
            await CloseAsync();
        }
    }

    /// <summary>The job's codes of the tier that nobody has taken yet, including those other transactions hold.</summary>
    public async Task<int> CodesLeftAsync(Guid jobId, PackageTier tier, CancellationToken cancellationToken)
    {
        await OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(
            "SELECT count(*)::int FROM sponsorship_codes WHERE reserved_by_job_id = @job AND tier = @tier AND assigned_at IS NULL", Connection);
        command.Parameters.AddWithValue("job", jobId);
        command.Parameters.AddWithValue("tier", tier.ToString());
        return (int)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    private static (Guid JobId, int RowNumber)[] InLockOrder(IReadOnlyCollection<(Guid JobId, int RowNumber)> rows) =>
        [.. rows.Distinct().Order()];

    private async Task OpenAsync(CancellationToken cancellationToken) =>
        _connection ??= await dataSource.OpenConnectionAsync(cancellationToken);
}
