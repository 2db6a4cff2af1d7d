using Invitations.Testing;
using Microsoft.EntityFrameworkCore;

namespace Invitations.Data.Tests.SagaRepository;

/// <summary>A DbContext of the tests only, in its own schema of the run's database.</summary>
public sealed class CounterDbContext(DbContextOptions<CounterDbContext> options) : DbContext(options)
{
    public DbSet<CounterState> Counters => Set<CounterState>();
    public DbSet<CounterRow> Rows => Set<CounterRow>();

    public static void Configure(DbContextOptionsBuilder options, string connectionString) =>
        options.UseNpgsql(connectionString).UseSnakeCaseNamingConvention();

    public static CounterDbContext Create(string connectionString)
    {
        var builder = new DbContextOptionsBuilder<CounterDbContext>();
        Configure(builder, connectionString);
        return new CounterDbContext(builder.Options);
    }

    /// <summary>The database exists already (migrated by the run): add this model's tables once.</summary>
    public static Task EnsureTablesAsync(string connectionString) =>
        TestTables<CounterDbContext>.EnsureCreatedAsync(() => Create(connectionString));

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.HasDefaultSchema("saga_tests");
        modelBuilder.Entity<CounterState>(saga =>
        {
            saga.ToTable("counter_sagas");
            saga.HasKey(x => x.CorrelationId);
            saga.Property(x => x.CorrelationId).ValueGeneratedNever();
        });
        modelBuilder.Entity<CounterRow>(row =>
        {
            row.ToTable("counter_rows");
            row.HasKey(x => new { x.CounterId, x.RowNumber });
        });
    }
}
