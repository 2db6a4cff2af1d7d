using System.Data;
using Invitations.Contracts.BulkInvitations;
using Invitations.Infrastructure.BulkJobs;
using Invitations.Infrastructure.Persistence.Entities;
using Invitations.Sagas.BulkInvitation.Ports;
using Npgsql;

namespace Invitations.Worker.Dealers;

/// <summary>
/// The dealer consumer's SQL, on one pooled connection per delivery. It is written by hand, without an EF
/// context, in as few round trips as the work allows (one read, one batch of writes, the commit), because it
/// runs once per dealer and sets the service's throughput (docs/PERFORMANCE.md).
/// </summary>
public sealed class DealerRowStore(NpgsqlDataSource dataSource) : IAsyncDisposable
{
    /// <summary>This store's connection holds row session locks (it is the store's alone, so releasing means all of them).</summary>
    private bool _held;

    private NpgsqlConnection? _connection;

    private NpgsqlConnection Connection => _connection ?? throw new InvalidOperationException("No connection is open.");

    public async Task<NpgsqlTransaction> BeginAsync(CancellationToken cancellationToken)
    {
        await OpenAsync(cancellationToken);
        return await Connection.BeginTransactionAsync(IsolationLevel.ReadCommitted, cancellationToken);
    }

    public ValueTask DisposeAsync() => _connection?.DisposeAsync() ?? ValueTask.CompletedTask;

    /// <summary>
    /// The row, locked for update so a cancel cannot skip it while it is being done, and the row's session
    /// lock, which two deliveries of one row take in turn until the SMS is sent and recorded: without it both
    /// could find the invitation made and the SMS not yet sent, and send it twice. The session lock goes with
    /// the last write (<see cref="ExecuteAsync"/> with release) or with <see cref="ReleaseAsync"/>; a dead process's goes with
    /// its connection. Null if the job is gone.
    /// </summary>
    public async Task<DealerRow?> LoadAsync(NpgsqlTransaction transaction, Guid jobId, int rowNumber, CancellationToken cancellationToken)
    {
        var rows = await LoadWithLocksAsync(
            transaction,
            DealerCommands.RowLock(LockKey(jobId), rowNumber),
            DealerCommands.Command(DealerRowQuery.LoadSql, ("job", jobId), ("row", rowNumber)),
            cancellationToken);
        return rows.Values.SingleOrDefault();
    }

    /// <summary>
    /// Many rows at once (<see cref="LoadAsync"/> for each, in one round trip). The session locks are taken in
    /// one order, so two deliveries of overlapping rows wait for each other instead of deadlocking.
    /// </summary>
    public Task<Dictionary<(Guid JobId, int RowNumber), DealerRow>> LoadManyAsync(
        NpgsqlTransaction transaction, IReadOnlyCollection<(Guid JobId, int RowNumber)> keys, CancellationToken cancellationToken)
    {
        var locks = keys.Select(k => (Job: LockKey(k.JobId), Row: k.RowNumber)).Distinct().Order().ToArray();
        return LoadWithLocksAsync(
            transaction,
            DealerCommands.RowLocks(locks),
            DealerCommands.Command(DealerRowQuery.LoadManySql, ("jobs", keys.Select(k => k.JobId).ToArray()), ("rows", keys.Select(k => k.RowNumber).ToArray())),
            cancellationToken);
    }

    private async Task<Dictionary<(Guid JobId, int RowNumber), DealerRow>> LoadWithLocksAsync(
        NpgsqlTransaction transaction, NpgsqlBatchCommand locks, NpgsqlBatchCommand load, CancellationToken cancellationToken)
    {
        await using var batch = new NpgsqlBatch(Connection, transaction) { BatchCommands = { locks, load } };
        _held = true;
        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
        await reader.NextResultAsync(cancellationToken);
        var rows = new Dictionary<(Guid JobId, int RowNumber), DealerRow>();
        while (await reader.ReadAsync(cancellationToken))
        {
            var row = DealerRowQuery.Read(reader);
            rows[(row.JobId, row.RowNumber)] = row;
        }

        return rows;
    }

    /// <summary>
    /// Writes in one round trip, in the open transaction if there is one; the caller reads what each command
    /// changed. With <paramref name="release"/>, the row session locks go with the writes. Returns the rows a
    /// <see cref="RowOutcomeCommand.CreateMany"/> among them recorded.
    /// </summary>
    public async Task<HashSet<(Guid JobId, int RowNumber)>> ExecuteAsync(
        NpgsqlTransaction? transaction, IEnumerable<NpgsqlBatchCommand> commands, bool release, CancellationToken cancellationToken)
    {
        await OpenAsync(cancellationToken);
        await using var batch = new NpgsqlBatch(Connection, transaction);
        foreach (var command in commands)
        {
            batch.BatchCommands.Add(command);
        }

        if (release && _held)
        {
            batch.BatchCommands.Add(DealerCommands.ReleaseRowLocks());
            _held = false;
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
                while (await reader.ReadAsync(cancellationToken))
                {
                    recorded.Add((reader.GetGuid(0), reader.GetInt32(1)));
                }
            }
        }
        while (await reader.NextResultAsync(cancellationToken));

        return recorded;
    }

    /// <summary>
    /// One batch: the dealer account (AutoCreate), the invitation, the hand-over of the job's reserved codes
    /// of the row's tier and, when nothing is left to do after the commit, the row's outcome. Returns how
    /// many codes the row got; a unique violation means a concurrent delivery won the race.
    /// </summary>
    public async Task<(int Taken, bool Recorded)> CreateAsync(
        NpgsqlTransaction transaction, DealerInvitation invitation, Dealer? dealer, RowOutcome? outcome, CancellationToken cancellationToken)
    {
        var commands = new List<NpgsqlBatchCommand>();
        if (dealer is not null)
        {
            commands.Add(DealerCommands.InsertDealer(dealer));
        }

        commands.Add(DealerCommands.InsertInvitation(invitation));
        var handOver = DealerCommands.HandOverCodes(invitation);
        commands.Add(handOver);
        var record = outcome is null ? null : RowOutcomeCommand.Create(invitation.BulkJobId, outcome);
        if (record is not null)
        {
            commands.Add(record);
        }

        // With the outcome the row is done once this commits: a second delivery waits for the row and finds it.
        await ExecuteAsync(transaction, commands, release: record is not null, cancellationToken);
        return (handOver.RecordsAffected, record?.RecordsAffected > 0);
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

    /// <summary>Records the row's outcome on its own (a rejection after the commit, an SMS sent earlier).</summary>
    public Task<bool> RecordAsync(Guid jobId, RowOutcome outcome, CancellationToken cancellationToken) =>
        RecordWithAsync(null, null, jobId, outcome, release: true, cancellationToken);

    /// <summary>The SMS went out: note it on the invitation and record the row's outcome, in one round trip.</summary>
    public Task<bool> RecordSmsSentAsync(DealerInvitation invitation, string? providerId, RowOutcome outcome, CancellationToken cancellationToken) =>
        RecordWithAsync(null, DealerCommands.MarkSmsSent(invitation.Id, providerId, outcome.At), invitation.BulkJobId, outcome, release: true, cancellationToken);

    /// <summary>Records an outcome in the open transaction (a rejection found while the row is locked).</summary>
    public Task<bool> RecordAsync(NpgsqlTransaction transaction, Guid jobId, RowOutcome outcome, CancellationToken cancellationToken) =>
        RecordWithAsync(transaction, null, jobId, outcome, release: false, cancellationToken);

    /// <summary>Gives up the row's session lock if a write did not take it along (the rare paths, errors).</summary>
    public async Task ReleaseAsync()
    {
        if (!_held || _connection?.State != ConnectionState.Open)
        {
            return;
        }

        _held = false;
        await using var batch = new NpgsqlBatch(Connection) { BatchCommands = { DealerCommands.ReleaseRowLocks() } };
        try
        {
            await batch.ExecuteNonQueryAsync(CancellationToken.None);
        }
        catch (NpgsqlException)
        {
            // The connection is broken: the server drops its session locks with it.
        }
    }

    private async Task OpenAsync(CancellationToken cancellationToken) =>
        _connection ??= await dataSource.OpenConnectionAsync(cancellationToken);

    /// <summary>Spreads the job id over the lock's first key; a collision only makes two rows wait for each other.</summary>
    private static int LockKey(Guid jobId)
    {
        Span<int> parts = stackalloc int[4];
        jobId.TryWriteBytes(System.Runtime.InteropServices.MemoryMarshal.AsBytes(parts));
        return parts[0] ^ parts[1] ^ parts[2] ^ parts[3];
    }

    /// <summary>The outcome, with whatever else must go in the same round trip.</summary>
    private async Task<bool> RecordWithAsync(
        NpgsqlTransaction? transaction, NpgsqlBatchCommand? with, Guid jobId, RowOutcome outcome, bool release, CancellationToken cancellationToken)
    {
        var record = RowOutcomeCommand.Create(jobId, outcome);
        await ExecuteAsync(transaction, with is null ? [record] : [with, record], release, cancellationToken);
        return record.RecordsAffected > 0;
    }
}
