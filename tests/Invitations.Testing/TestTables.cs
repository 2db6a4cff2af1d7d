using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace Invitations.Testing;

/// <summary>
/// The tables of a DbContext that only tests have (in a schema of its own), added once per run to the run's
/// database, which the migrations have already made: the first caller creates them, the others wait for it.
/// </summary>
public static class TestTables<TContext>
    where TContext : DbContext
{
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static bool _created;

    public static async Task EnsureCreatedAsync(Func<TContext> create)
    {
        await Gate.WaitAsync();
        try
        {
            if (!_created)
            {
                await using var db = create();
                await db.GetService<IRelationalDatabaseCreator>().CreateTablesAsync();
                _created = true;
            }
        }
        catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.DuplicateTable)
        {
            // An earlier run of the same database made them.
            _created = true;
        }
        finally
        {
            Gate.Release();
        }
    }
}
