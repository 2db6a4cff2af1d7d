using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace Invitations.Worker.Tests.Scheduling;

/// <summary>The timer saga's DbContext, of the tests only, in its own schema of the run's database.</summary>
public sealed class TimerDbContext(DbContextOptions<TimerDbContext> options) : DbContext(options)
{
    private static readonly SemaphoreSlim Created = new(1, 1);
    private static bool _created;

    public static void Configure(DbContextOptionsBuilder options, string connectionString) =>
        options.UseNpgsql(connectionString).UseSnakeCaseNamingConvention();

    public static TimerDbContext Create(string connectionString)
    {
        var builder = new DbContextOptionsBuilder<TimerDbContext>();
        Configure(builder, connectionString);
        return new TimerDbContext(builder.Options);
    }

    /// <summary>The database exists already (migrated by the run): add this model's tables once.</summary>
    public static async Task EnsureTablesAsync(string connectionString)
    {
        await Created.WaitAsync();
        try
        {
            if (!_created)
            {
                await using var db = Create(connectionString);
                await db.GetService<IRelationalDatabaseCreator>().CreateTablesAsync();
                _created = true;
            }
        }
        catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.DuplicateTable)
        {
            _created = true;
        }
        finally
        {
            Created.Release();
        }
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.HasDefaultSchema("scheduler_tests");
        modelBuilder.Entity<TimerState>(saga =>
        {
            saga.ToTable("timer_sagas");
            saga.HasKey(x => x.CorrelationId);
            saga.Property(x => x.CorrelationId).ValueGeneratedNever();
            saga.Property(x => x.CurrentState).HasMaxLength(64);
        });
    }
}
