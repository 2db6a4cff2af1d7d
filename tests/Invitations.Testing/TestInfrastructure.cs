using System.Globalization;
using Invitations.Data.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Invitations.Testing;

/// <summary>
/// The real PostgreSQL and RabbitMQ of a test run. Addresses come from the environment (what
/// deploy/local/test.sh starts); with none configured and a Docker engine answering, Testcontainers
/// starts them; otherwise the local defaults are used. Each run gets its own database and, where the
/// management API is there, its own RabbitMQ virtual host, so test projects never see each other.
/// </summary>
public sealed class TestInfrastructure : IAsyncDisposable
{
    public const string PostgresVariable = "INVITATIONS_TEST_POSTGRES";
    public const string RabbitMqVariable = "INVITATIONS_TEST_RABBITMQ";
    public const string RabbitMqManagementVariable = "INVITATIONS_TEST_RABBITMQ_MANAGEMENT";

    private const string DefaultPostgres = "Host=127.0.0.1;Port=5432;Database=invitations;Username=invitations;Password=invitations";
    private const string DefaultRabbitMq = "amqp://guest:guest@127.0.0.1:5672/";
    private const string DefaultManagement = "http://guest:guest@127.0.0.1:15672/";

    private readonly string _adminConnectionString;
    private readonly RabbitMqVirtualHost? _virtualHost;
    private readonly IAsyncDisposable? _containers;

    // One pool for every context a test makes: a data source per context would leave each context's connection idle
    // in a pool of its own for minutes (Npgsql prunes idle connections after 300 s), and a suite that polls the
    // database climbs past the server's max_connections beside the other suites.
    private readonly NpgsqlDataSource _dataSource;
    private readonly DbContextOptions<InvitationsDbContext> _contextOptions;

    private TestInfrastructure(string adminConnectionString, string databaseName, string rabbitMqUri, RabbitMqVirtualHost? virtualHost, IAsyncDisposable? containers)
    {
        _adminConnectionString = adminConnectionString;
        DatabaseName = databaseName;
        ConnectionString = new NpgsqlConnectionStringBuilder(adminConnectionString) { Database = databaseName }.ConnectionString;
        RabbitMqUri = rabbitMqUri;
        _virtualHost = virtualHost;
        _containers = containers;
        _dataSource = NpgsqlDataSource.Create(ConnectionString);
        _contextOptions = ContextOptions(_dataSource);
    }

    public string DatabaseName { get; }
    public string ConnectionString { get; }
    public string RabbitMqUri { get; }

    /// <summary>Configuration keys as the services read them, pointing at this run's database and broker.</summary>
    public IReadOnlyDictionary<string, string?> Configuration => new Dictionary<string, string?>
    {
        ["ConnectionStrings:Invitations"] = ConnectionString,
        ["RabbitMq:Uri"] = RabbitMqUri,
    };

    /// <param name="runName">Names the run's database and virtual host.</param>
    /// <param name="rabbitMqUri">Another broker than the environment's (the Cluster cases' cluster), with its management API.</param>
    /// <param name="rabbitMqManagementUri">That broker's management API.</param>
    public static async Task<TestInfrastructure> StartAsync(string runName, string? rabbitMqUri = null, string? rabbitMqManagementUri = null)
    {
        var runId = $"{runName}_{DateTime.UtcNow:HHmmss}_{Guid.NewGuid().ToString("N")[..6]}".ToLowerInvariant();
        var postgres = Environment.GetEnvironmentVariable(PostgresVariable);
        var rabbit = rabbitMqUri ?? Environment.GetEnvironmentVariable(RabbitMqVariable);
        IAsyncDisposable? containers = null;

        if (string.IsNullOrEmpty(postgres) && string.IsNullOrEmpty(rabbit))
        {
            var started = await Containers.TryStartAsync();
            if (started is not null)
            {
                (postgres, rabbit, containers) = (started.PostgresConnectionString, started.RabbitMqUri, started);
            }
        }

        postgres = string.IsNullOrEmpty(postgres) ? DefaultPostgres : postgres;
        rabbit = string.IsNullOrEmpty(rabbit) ? DefaultRabbitMq : rabbit;

        var databaseName = $"invitations_test_{runId}";
        await CreateDatabaseAsync(postgres, databaseName);

        RabbitMqVirtualHost? vhost = null;
        if (containers is null)
        {
            var management = rabbitMqManagementUri ?? Environment.GetEnvironmentVariable(RabbitMqManagementVariable);
            vhost = await RabbitMqVirtualHost.TryCreateAsync(string.IsNullOrEmpty(management) ? DefaultManagement : management, rabbit, $"invitations-test-{runId}");
        }

        var infrastructure = new TestInfrastructure(postgres, databaseName, vhost?.AmqpUri ?? rabbit, vhost, containers);
        await infrastructure.MigrateAsync();
        return infrastructure;
    }

    /// <summary>A context on the run's one shared pool; dispose it as usual.</summary>
    public InvitationsDbContext CreateDbContext() => new(_contextOptions);

    public NpgsqlDataSource CreateDataSource() => NpgsqlDataSource.Create(ConnectionString);

    public async ValueTask DisposeAsync()
    {
        await _dataSource.DisposeAsync();
        NpgsqlConnection.ClearAllPools();
        if (Environment.GetEnvironmentVariable("INVITATIONS_TEST_KEEP") != "1")
        {
            await DropDatabaseAsync(_adminConnectionString, DatabaseName);
            if (_virtualHost is not null)
            {
                await _virtualHost.DisposeAsync();
            }
        }

        if (_containers is not null)
        {
            await _containers.DisposeAsync();
        }
    }

    private static DbContextOptions<InvitationsDbContext> ContextOptions(NpgsqlDataSource dataSource)
    {
        var builder = new DbContextOptionsBuilder<InvitationsDbContext>();
        PersistenceServiceCollectionExtensions.ConfigureDbContext(builder, dataSource);
        return builder.Options;
    }

    // On a pool of its own, disposed after: the shared pool then loads the database's types as migrated.
    private async Task MigrateAsync()
    {
        await using var dataSource = NpgsqlDataSource.Create(ConnectionString);
        await using var db = new InvitationsDbContext(ContextOptions(dataSource));
        await new DatabaseMigrator(db, NullLogger<DatabaseMigrator>.Instance).MigrateAsync();
    }

    private static async Task CreateDatabaseAsync(string adminConnectionString, string databaseName)
    {
        await using var connection = new NpgsqlConnection(adminConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"CREATE DATABASE \"{databaseName}\"", connection);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task DropDatabaseAsync(string adminConnectionString, string databaseName)
    {
        await using var connection = new NpgsqlConnection(adminConnectionString);
        await connection.OpenAsync();
        var sql = string.Create(CultureInfo.InvariantCulture, $"DROP DATABASE IF EXISTS \"{databaseName}\" WITH (FORCE)");
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
