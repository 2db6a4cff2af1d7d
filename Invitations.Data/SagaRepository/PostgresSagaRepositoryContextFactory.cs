using System.Data;
using System.Globalization;
using MassTransit;
using MassTransit.Saga;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Invitations.Data.SagaRepository;

/// <summary>
/// Runs each saga message in a ReadCommitted transaction on the consume scope's DbContext: load (locked),
/// the saga's behaviour, save, SaveChanges, commit. Whatever else the scope wrote through the same DbContext
/// commits or rolls back with the saga row. A transaction the caller opened already is joined, not committed.
/// </summary>
internal sealed class PostgresSagaRepositoryContextFactory<TDbContext, TSaga>(
    TDbContext db,
    ISagaConsumeContextFactory<TDbContext, TSaga> factory,
    SagaRepositorySettings<TSaga> settings,
    IEnumerable<ISagaCommitObserver> commitObservers) :
    ISagaRepositoryContextFactory<TSaga>,
    IQuerySagaRepositoryContextFactory<TSaga>,
    ILoadSagaRepositoryContextFactory<TSaga>
    where TDbContext : DbContext
    where TSaga : class, ISaga
{
    public void Probe(ProbeContext context)
    {
        context.Add("persistence", "postgresql");
        context.Add("concurrencyMode", settings.Options.ConcurrencyMode.ToString());
    }

    public Task Send<T>(ConsumeContext<T> context, IPipe<SagaRepositoryContext<TSaga, T>> next)
        where T : class =>
        InTransaction(store => next.Send(new PostgresSagaRepositoryContext<TDbContext, TSaga, T>(db, context, factory, store)), context.CancellationToken);

    public Task SendQuery<T>(ConsumeContext<T> context, ISagaQuery<TSaga> query, IPipe<SagaRepositoryQueryContext<TSaga, T>> next)
        where T : class =>
        InTransaction(async store =>
        {
            // Ids first, then each instance is loaded (and locked) by the pipe, like a correlated message.
            var ids = await store.QueryIdsAsync(query.FilterExpression, context.CancellationToken);
            var repositoryContext = new PostgresSagaRepositoryContext<TDbContext, TSaga, T>(db, context, factory, store);
            await next.Send(new DefaultSagaRepositoryQueryContext<TSaga, T>(repositoryContext, ids));
        }, context.CancellationToken);

    public Task<T> Execute<T>(Func<LoadSagaRepositoryContext<TSaga>, Task<T>> asyncMethod, CancellationToken cancellationToken = default)
        where T : class =>
        asyncMethod(ReadContext(cancellationToken));

    public Task<T> Execute<T>(Func<QuerySagaRepositoryContext<TSaga>, Task<T>> asyncMethod, CancellationToken cancellationToken = default)
        where T : class =>
        asyncMethod(ReadContext(cancellationToken));

    private PostgresSagaLoadContext<TSaga> ReadContext(CancellationToken cancellationToken) =>
        new(new SagaStore<TSaga>(db, new PostgresSagaRepositoryOptions { ConcurrencyMode = SagaConcurrencyMode.Optimistic }), cancellationToken);

    private async Task InTransaction(Func<SagaStore<TSaga>, Task> work, CancellationToken cancellationToken)
    {
        var store = new SagaStore<TSaga>(db, settings.Options);
        if (db.Database.CurrentTransaction is not null)
        {
            await work(store);
            await db.SaveChangesAsync(cancellationToken);
            return;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(IsolationLevel.ReadCommitted, cancellationToken);
        try
        {
            await SetLockTimeoutAsync(cancellationToken);
            await work(store);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch
        {
            await RollbackAsync(transaction);
            throw;
        }

        NotifyCommitted();
    }

    private void NotifyCommitted()
    {
        foreach (var observer in commitObservers)
        {
            observer.Committed();
        }
    }

    private async Task SetLockTimeoutAsync(CancellationToken cancellationToken)
    {
        if (settings.Options.LockTimeout is { } timeout)
        {
            var milliseconds = ((long)timeout.TotalMilliseconds).ToString(CultureInfo.InvariantCulture);
            await db.Database.ExecuteSqlAsync($"SELECT set_config('lock_timeout', {milliseconds}, true)", cancellationToken);
        }
    }

    // A retry in the same scope must not see the rolled-back instance (or an activity's entities) as tracked.
    private async Task RollbackAsync(IDbContextTransaction transaction)
    {
        try
        {
            await transaction.RollbackAsync(CancellationToken.None);
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
    }
}
