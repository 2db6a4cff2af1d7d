using MassTransit;
using MassTransit.Middleware;
using MassTransit.Saga;

namespace Invitations.Data.SagaRepository;

/// <summary>Reads sagas outside a message (ILoadSagaRepository / IQuerySagaRepository), without locking them.</summary>
internal sealed class PostgresSagaLoadContext<TSaga>(SagaStore<TSaga> store, CancellationToken cancellationToken) :
    BasePipeContext(cancellationToken),
    QuerySagaRepositoryContext<TSaga>,
    LoadSagaRepositoryContext<TSaga>
    where TSaga : class, ISaga
{
    public async Task<TSaga> Load(Guid correlationId) => (await store.LoadAsync(correlationId, CancellationToken))!;

    public async Task<SagaRepositoryQueryContext<TSaga>> Query(ISagaQuery<TSaga> query, CancellationToken cancellationToken = default)
    {
        var instances = await store.QueryAsync(query.FilterExpression, cancellationToken);
        return new LoadedSagaRepositoryQueryContext<TSaga>(this, instances);
    }
}
