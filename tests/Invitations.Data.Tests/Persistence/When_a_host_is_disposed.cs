using Invitations.Data.Persistence;
using Invitations.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Invitations.Data.Tests.Persistence;

/// <summary>
/// A host that stops gives back the database connections it pooled: an Api or Worker process replaced, or one of the
/// many hosts a test run builds in one process, must not hold server slots (PostgreSQL's max_connections, shared by
/// every process) until the pool's idle pruning, minutes later.
/// </summary>
public sealed class When_a_host_is_disposed
{
    private const int Contexts = 3;

    [Test]
    public async Task Should_close_every_connection_its_pool_opened()
    {
        var applicationName = $"host-disposal-{Guid.NewGuid():N}";
        var connectionString = new NpgsqlConnectionStringBuilder(TestRun.Infrastructure.ConnectionString) { ApplicationName = applicationName }.ConnectionString;
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:Invitations"] = connectionString })
            .Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddInvitationsDatabase(configuration);
        var provider = services.BuildServiceProvider(validateScopes: true);

        // Several contexts at once, so the pool holds several connections, each idle once its scope ends.
        var scopes = Enumerable.Range(0, Contexts).Select(_ => provider.CreateAsyncScope()).ToArray();
        foreach (var scope in scopes)
        {
            await scope.ServiceProvider.GetRequiredService<InvitationsDbContext>().Database.OpenConnectionAsync();
        }

        foreach (var scope in scopes)
        {
            await scope.DisposeAsync();
        }

        var pooled = await ConnectionsAsync(applicationName);
        await provider.DisposeAsync();
        var closed = await Eventually.HoldsAsync(async () => await ConnectionsAsync(applicationName) == 0, TimeSpan.FromSeconds(10));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(pooled, Is.EqualTo(Contexts), "the pool kept the contexts' connections while the host ran");
            Assert.That(closed, Is.True, $"{await ConnectionsAsync(applicationName)} connections still open after the host was disposed");
        }
    }

    private static async Task<int> ConnectionsAsync(string applicationName)
    {
        await using var dataSource = TestRun.Infrastructure.CreateDataSource();
        await using var command = dataSource.CreateCommand("SELECT count(*)::int FROM pg_stat_activity WHERE application_name = $1");
        command.Parameters.AddWithValue(applicationName);
        return (int)(await command.ExecuteScalarAsync())!;
    }
}
