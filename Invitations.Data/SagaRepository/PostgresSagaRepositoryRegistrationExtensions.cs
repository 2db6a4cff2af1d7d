using System.Reflection;
using System.Runtime.ExceptionServices;
using MassTransit;
using MassTransit.Configuration;
using MassTransit.Saga;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Invitations.Data.SagaRepository;

public static class PostgresSagaRepositoryRegistrationExtensions
{
    private static readonly MethodInfo Generic = typeof(PostgresSagaRepositoryRegistrationExtensions).GetMethods()
        .Single(m => m.Name == nameof(PostgresRepository) && m.GetGenericArguments().Length == 2);

    /// <summary>
    /// <c>x.AddSagaStateMachine&lt;M, S&gt;().PostgresRepository&lt;TDbContext&gt;()</c>: the saga type is taken from the
    /// configurator (C# cannot infer one type argument and take the other explicitly). See the two-argument overload.
    /// </summary>
    public static ISagaRegistrationConfigurator PostgresRepository<TDbContext>(this ISagaRegistrationConfigurator configurator,
        Action<PostgresSagaRepositoryOptions>? configure = null)
        where TDbContext : DbContext
    {
        ArgumentNullException.ThrowIfNull(configurator);
        var sagaType = configurator.GetType().GetInterfaces()
            .Single(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(ISagaRegistrationConfigurator<>))
            .GetGenericArguments()[0];
        try
        {
            Generic.MakeGenericMethod(sagaType, typeof(TDbContext)).Invoke(null, [configurator, configure]);
        }
        catch (TargetInvocationException ex) when (ex.InnerException is not null)
        {
            ExceptionDispatchInfo.Capture(ex.InnerException).Throw();
        }

        return configurator;
    }

    /// <summary>
    /// Stores the saga in PostgreSQL through the consume scope's <typeparamref name="TDbContext"/>, which must map
    /// <typeparamref name="TSaga"/>. The saga row and anything a saga activity writes through the same scoped
    /// DbContext commit in one ReadCommitted transaction after the saga's behaviour has run.
    /// </summary>
    public static ISagaRegistrationConfigurator<TSaga> PostgresRepository<TSaga, TDbContext>(this ISagaRegistrationConfigurator<TSaga> configurator,
        Action<PostgresSagaRepositoryOptions>? configure = null)
        where TSaga : class, ISaga
        where TDbContext : DbContext
    {
        ArgumentNullException.ThrowIfNull(configurator);
        var options = new PostgresSagaRepositoryOptions();
        configure?.Invoke(options);
        if (options.ConcurrencyMode == SagaConcurrencyMode.Optimistic && !typeof(ISagaVersion).IsAssignableFrom(typeof(TSaga)))
        {
            throw new InvalidOperationException($"Optimistic concurrency needs {typeof(TSaga).Name} to implement ISagaVersion.");
        }

        configurator.Repository(repository =>
        {
            repository.TryAddSingleton(new SagaRepositorySettings<TSaga>(options));
            repository.RegisterLoadSagaRepository<TSaga, PostgresSagaRepositoryContextFactory<TDbContext, TSaga>>();
            repository.RegisterQuerySagaRepository<TSaga, PostgresSagaRepositoryContextFactory<TDbContext, TSaga>>();
            repository.RegisterSagaRepository<TSaga, TDbContext, SagaConsumeContextFactory<TDbContext, TSaga>,
                PostgresSagaRepositoryContextFactory<TDbContext, TSaga>>();
        });
        return configurator;
    }
}
