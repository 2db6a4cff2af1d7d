using Npgsql;

namespace Invitations.Benchmarks.Ceiling;

/// <summary>
/// The raw per-dealer database work: insert one invitation and reserve five codes with an
/// index-backed, ordered FOR UPDATE SKIP LOCKED. Used for the machine's ceiling and by the older-design peer.
/// </summary>
public sealed class DealerTransaction(NpgsqlDataSource dataSource)
{
    public const int CodesPerDealer = 5;

    public async Task CreateSchemaAsync(long sponsorId, int codes)
    {
        const string sql = """
            CREATE SCHEMA IF NOT EXISTS bench;
            CREATE TABLE IF NOT EXISTS bench.codes (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                sponsor_id bigint NOT NULL, tier text NOT NULL, reserved uuid NULL);
            CREATE INDEX IF NOT EXISTS ix_bench_codes_free ON bench.codes (sponsor_id, tier, id) WHERE reserved IS NULL;
            CREATE TABLE IF NOT EXISTS bench.invitations (id uuid PRIMARY KEY, job_id uuid NOT NULL,
                row_number int NOT NULL, email text NOT NULL, UNIQUE (job_id, row_number));
            CREATE TABLE IF NOT EXISTS bench.progress (job_id uuid PRIMARY KEY, done int NOT NULL);
            INSERT INTO bench.codes (sponsor_id, tier) SELECT @sponsor, 'M' FROM generate_series(1, @codes);
            """;
        await using var command = dataSource.CreateCommand(sql);
        command.Parameters.AddWithValue("sponsor", sponsorId);
        command.Parameters.AddWithValue("codes", codes);
        await command.ExecuteNonQueryAsync();
    }

    public async Task RunAsync(long sponsorId, Guid jobId, int rowNumber, CancellationToken cancellationToken = default)
    {
        const string sql = """
            INSERT INTO bench.invitations (id, job_id, row_number, email) VALUES (@id, @job, @row, @email);
            UPDATE bench.codes SET reserved = @id WHERE id IN (
                SELECT id FROM bench.codes WHERE sponsor_id = @sponsor AND tier = 'M' AND reserved IS NULL
                ORDER BY id LIMIT 5 FOR UPDATE SKIP LOCKED);
            """;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        command.Parameters.AddWithValue("id", Guid.NewGuid());
        command.Parameters.AddWithValue("job", jobId);
        command.Parameters.AddWithValue("row", rowNumber);
        command.Parameters.AddWithValue("email", $"dealer{rowNumber}@example.com");
        command.Parameters.AddWithValue("sponsor", sponsorId);
        await command.ExecuteNonQueryAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }
}
