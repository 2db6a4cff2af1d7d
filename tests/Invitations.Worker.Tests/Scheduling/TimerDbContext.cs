using Invitations.Testing;
using Microsoft.EntityFrameworkCore;

namespace Invitations.Worker.Tests.Scheduling;

/// <summary>The timer saga's DbContext, of the tests only, in its own schema of the run's database.</summary>
public sealed class TimerDbContext(DbContextOptions<TimerDbContext> options) : DbContext(options)
{
    public static void Configure(DbContextOptionsBuilder options, string connectionString) =>
        options.UseNpgsql(connectionString).UseSnakeCaseNamingConvention();

    public static TimerDbContext Create(string connectionString)
    {
        var builder = new DbContextOptionsBuilder<TimerDbContext>();
        Configure(builder, connectionString);
        return new TimerDbContext(builder.Options);
    }

    /// <summary>The database exists already (migrated by the run): add this model's tables once.</summary>
    public static Task EnsureTablesAsync(string connectionString) =>
        TestTables<TimerDbContext>.EnsureCreatedAsync(() => Create(connectionString));

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
