using System.Collections.Concurrent;
using Invitations.Data.Persistence;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Invitations.Testing.BulkJobs;

/// <summary>
/// Contexts on one shared data source per run: tests that poll the database would otherwise open a new
/// connection pool per context and exhaust the server's connection slots.
/// </summary>
public static class SharedDbContexts
{
    private static readonly ConcurrentDictionary<string, DbContextOptions<InvitationsDbContext>> Options = new(StringComparer.Ordinal);

    public static InvitationsDbContext Create(TestInfrastructure infrastructure)
    {
        var options = Options.GetOrAdd(infrastructure.ConnectionString, connectionString =>
        {
            var builder = new DbContextOptionsBuilder<InvitationsDbContext>();
            PersistenceServiceCollectionExtensions.ConfigureDbContext(builder, new NpgsqlDataSourceBuilder(connectionString).Build());
            return builder.Options;
        });
        return new InvitationsDbContext(options);
    }
}
