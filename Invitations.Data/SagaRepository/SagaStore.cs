using System.Globalization;
using System.Linq.Expressions;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace Invitations.Data.SagaRepository;

/// <summary>The row operations on one saga table, inside the DbContext's current transaction.</summary>
internal sealed class SagaStore<TSaga>(DbContext db, PostgresSagaRepositoryOptions options)
    where TSaga : class, ISaga
{
    private readonly SagaTable _table = SagaTable.For<TSaga>(db);

    private bool Pessimistic => options.ConcurrencyMode == SagaConcurrencyMode.Pessimistic;

    public async Task<TSaga?> LoadAsync(Guid correlationId, CancellationToken cancellationToken)
    {
        var sql = Pessimistic ? _table.SelectForUpdateSql : _table.SelectSql;
        var rows = await db.Set<TSaga>().FromSqlRaw(sql, _table.KeyParameter(correlationId)).AsTracking().ToListAsync(cancellationToken);
        return rows.Count == 0 ? null : rows[0];
    }

    /// <summary>
    /// Inserts with ON CONFLICT DO NOTHING (a failed INSERT would poison the PostgreSQL transaction) and
    /// answers whether this message created the row. The instance is then tracked as stored.
    /// </summary>
    public async Task<bool> TryInsertAsync(TSaga instance, CancellationToken cancellationToken)
    {
        if (instance is ISagaVersion versioned && versioned.Version == 0)
        {
            versioned.Version = 1;
        }

        var inserted = await db.Database.ExecuteSqlRawAsync(_table.InsertSql, _table.InsertParameters(instance), cancellationToken) == 1;
        if (inserted)
        {
            db.Attach(instance);
        }

        return inserted;
    }

    /// <summary>
    /// Another message created the same saga first: the retry filter runs this message again and then finds
    /// the stored instance.
    /// </summary>
    public async Task InsertOrThrowAsync(TSaga instance, CancellationToken cancellationToken)
    {
        if (!await TryInsertAsync(instance, cancellationToken))
        {
            throw new ConcurrencyException($"Saga {typeof(TSaga).Name} {instance.CorrelationId} was created by another message", typeof(TSaga), instance.CorrelationId);
        }
    }

    public async Task UpdateAsync(TSaga instance, CancellationToken cancellationToken)
    {
        if (instance is not ISagaVersion versioned)
        {
            return;
        }

        var version = db.Entry(instance).Property(nameof(ISagaVersion.Version));
        var loaded = Convert.ToInt32(version.OriginalValue, CultureInfo.InvariantCulture);
        versioned.Version = loaded + 1;
        if (Pessimistic || _table.VersionCheckSql is null)
        {
            return;
        }

        var parameters = _table.VersionCheckParameters(instance.CorrelationId, loaded, loaded + 1);
        if (await db.Database.ExecuteSqlRawAsync(_table.VersionCheckSql, parameters, cancellationToken) != 1)
        {
            throw new ConcurrencyException($"Saga {typeof(TSaga).Name} {instance.CorrelationId} was changed by another message (version {loaded})", typeof(TSaga), instance.CorrelationId);
        }

        version.OriginalValue = loaded + 1;
    }

    public async Task DeleteAsync(TSaga instance, CancellationToken cancellationToken)
    {
        await UpdateAsync(instance, cancellationToken);
        db.Remove(instance);
    }

    public void Forget(TSaga instance)
    {
        var entry = db.Entry(instance);
        if (entry.State != EntityState.Detached)
        {
            entry.State = EntityState.Detached;
        }
    }

    public async Task<IList<Guid>> QueryIdsAsync(Expression<Func<TSaga, bool>> filter, CancellationToken cancellationToken)
    {
        var key = _table.KeyPropertyName;
        return await db.Set<TSaga>().AsNoTracking().Where(filter).Select(x => EF.Property<Guid>(x, key)).ToListAsync(cancellationToken);
    }

    public async Task<IEnumerable<TSaga>> QueryAsync(Expression<Func<TSaga, bool>> filter, CancellationToken cancellationToken) =>
        await db.Set<TSaga>().AsNoTracking().Where(filter).ToListAsync(cancellationToken);
}
