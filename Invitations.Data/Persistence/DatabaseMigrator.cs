using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Invitations.Data.Persistence;

/// <summary>Applies the checked-in migrations, waiting for the database to accept connections first.</summary>
public sealed partial class DatabaseMigrator(InvitationsDbContext db, ILogger<DatabaseMigrator> logger)
{
    public async Task MigrateAsync(int attempts = 10, CancellationToken cancellationToken = default)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
                await db.Database.MigrateAsync(cancellationToken);
                LogMigrated(logger, pending.Count);
                return;
            }
            catch (NpgsqlException ex) when (attempt < attempts && ex.IsTransient)
            {
                LogWaiting(logger, attempt, attempts, ex.Message);
                await Task.Delay(TimeSpan.FromSeconds(Math.Min(attempt, 5)), cancellationToken);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Database migrated: {Applied} migration(s) applied")]
    private static partial void LogMigrated(ILogger logger, int applied);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Database not reachable (attempt {Attempt}/{Attempts}): {Reason}")]
    private static partial void LogWaiting(ILogger logger, int attempt, int attempts, string reason);
}
