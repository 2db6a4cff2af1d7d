namespace Invitations.Data.Persistence;

public sealed class DatabaseOptions
{
    public const string SectionName = "Database";
    public const string ConnectionStringName = "Invitations";

    /// <summary>Apply pending migrations when the process starts.</summary>
    public bool MigrateOnStartup { get; set; }

    /// <summary>Give the demo sponsor its codes when the process starts (idempotent).</summary>
    public bool SeedDemoData { get; set; }

    /// <summary>Connection attempts at start-up before a process gives up and exits non-zero.</summary>
    public int StartupAttempts { get; set; } = 10;

    public TimeSpan StartupRetryDelay { get; set; } = TimeSpan.FromSeconds(2);
}
