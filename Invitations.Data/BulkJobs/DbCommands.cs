using Invitations.Data.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace Invitations.Data.BulkJobs;

/// <summary>
/// Plain SQL on the context's own connection and transaction: the conditional updates that count a row
/// once must commit with the saga row, in the transaction the saga repository opened.
/// </summary>
internal static class DbCommands
{
    public static async Task<NpgsqlCommand> CreateAsync(InvitationsDbContext db, string sql, CancellationToken cancellationToken)
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        var command = new NpgsqlCommand(sql, connection)
        {
            Transaction = (NpgsqlTransaction?)db.Database.CurrentTransaction?.GetDbTransaction(),
        };
        return command;
    }

    public static async Task<int> ExecuteAsync(
        InvitationsDbContext db, string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        await using var command = await CreateAsync(db, sql, cancellationToken);
        Add(command, parameters);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public static void Add(NpgsqlCommand command, params (string Name, object? Value)[] parameters)
    {
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }
    }

    public static string? Truncate(string? value, int length) =>
        value is null || value.Length <= length ? value : value[..length];
}
