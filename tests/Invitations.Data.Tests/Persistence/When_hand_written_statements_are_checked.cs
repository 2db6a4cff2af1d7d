using System.Data;
using Invitations.Api.DealerInvitations;
using Invitations.Api.SmsDeliveryReports;
using Invitations.Api.Uploads.Acceptance;
using Invitations.Api.Uploads.Validation;
using Invitations.Contracts.BulkInvitations;
using Invitations.Data.BulkJobs;
using Invitations.Data.Codes;
using Invitations.Data.Persistence;
using Invitations.Data.Persistence.Entities;
using Invitations.Sagas.BulkInvitation.Ports;
using Invitations.Worker.DealerInvitations;
using Invitations.Worker.Dealers;
using Invitations.Worker.Dispatching;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Npgsql;

namespace Invitations.Data.Tests.Persistence;

/// <summary>
/// The SQL written by hand, next to the EF model: each statement is parsed by the migrated database (a column
/// or table it names that does not exist fails there), its reader resolves the names it reads against what the
/// statement returns (a name the statement does not return fails), every column it returns from a table is one
/// the EF model maps, and the database's tables have exactly the columns the model maps.
/// </summary>
public sealed class When_hand_written_statements_are_checked
{
    /// <param name="Name">Names the case.</param>
    /// <param name="Sql">The statement, as the code runs it.</param>
    /// <param name="Parameters">Values of the parameters' types; the statement is described, never run.</param>
    /// <param name="Read">The reader's resolution of the columns it reads, as the code does it.</param>
    /// <param name="ResultSet">Which of the statement's result sets the reader reads (a statement returning no rows has none).</param>
    public sealed record Statement(string Name, string Sql, (string Name, object Value)[] Parameters, Action<NpgsqlDataReader> Read, int ResultSet = 0)
    {
        public override string ToString() => Name;
    }

    public static IEnumerable<Statement> Statements()
    {
        var job = Guid.NewGuid();
        var now = DateTimeOffset.UtcNow;
        yield return new("dealer rows", DealerRowQuery.LoadManySql, [("jobs", new[] { job }), ("rows", new[] { 2 })], r => _ = new DealerRowQuery.RowReader(r));
        var outcomes = RowOutcomeCommand.RecordOutcomes([(job, new RowOutcome(2, 1, true, null, null, null, null, now))]);
        yield return new("row outcomes", outcomes.CommandText, Parameters(outcomes), r => RowOutcomeCommand.RecordedColumns(new(r)));
        yield return new("invitation answer", InvitationAnswerStore.Columns, [("token", "t")], r => InvitationAnswerStore.DetailsReader(new(r)));
        yield return new("invitation codes", InvitationAnswerStore.CodesSql, [("id", job)], r => InvitationAnswerStore.CodeColumn(new(r)));
        yield return new("dispatch page", BulkJobDispatchStore.NextPageSql, [("job", job), ("after", 0), ("all", true), ("size", 10)], r => BulkJobDispatchStore.PageReader(new(r)));
        yield return new("recount", BulkJobRows.RecountAllSql, [("job", job)], r => BulkJobRows.CountsReader(new(r)));
        yield return new("count changed", BulkJobRows.CountChangedSql, [("job", job), ("jobs", new[] { job }), ("rows", new[] { 2 })], r => BulkJobRows.ChangeColumns(new(r)), ResultSet: 1);
        yield return new("retry reset", RetryPreparation.ResetSql, [("job", job), ("invalid_phone", "x"), ("dealer_exists", "y")], r => RetryPreparation.ResetColumns(new(r)));
        yield return new("expiry sweep", InvitationExpirySweep.ExpireSql, [("now", now), ("batch", 10)], r => InvitationExpirySweep.ExpiredColumns(new(r)));
        yield return new("sms delivery report", SmsDeliveryReportStore.RecordSql, [("id", "m"), ("status", "Delivered"), ("reason", "r"), ("at", now), ("final", true)],
            r => SmsDeliveryReportStore.RecordColumns(new(r)));
        var code = FreeCodes.Parameters(1, PackageTier.M, now).Select(p => (p.ParameterName, p.Value!)).ToArray();
        yield return new("free codes", FreeCodes.SelectSql, code, EveryMappedColumn<SponsorshipCode>);
        yield return new("upload reservation", CodeReservation.ReserveSql, [.. code, ("job", job), ("count", 1)], NoResult);
        yield return new("retry reservation", RetryPreparation.ReserveSql, [.. code, ("job", job), ("count", 1)], NoResult);
        yield return new("stale pending jobs", PendingJobRepublisher.StaleSql, [("cutoff", now), ("max", 3), ("batch", 10)], EveryMappedColumn<BulkInvitationJob>);
    }

    [TestCaseSource(nameof(Statements))]
    public async Task Should_return_every_column_its_reader_reads_from_columns_the_model_maps(Statement statement)
    {
        await using var db = TestRun.Infrastructure.CreateDbContext();
        await using var connection = new NpgsqlConnection(TestRun.Infrastructure.ConnectionString);
        await connection.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await using var command = new NpgsqlCommand(statement.Sql, connection, transaction);
        foreach (var (name, value) in statement.Parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        await using var reader = await command.ExecuteReaderAsync(CommandBehavior.SchemaOnly);
        for (var i = 0; i < statement.ResultSet; i++)
        {
            Assert.That(await reader.NextResultAsync(), Is.True, $"the statement has no result set {statement.ResultSet}");
        }

        statement.Read(reader);
        var unmapped = (await reader.GetColumnSchemaAsync())
            .Where(c => c.BaseTableName is not null && c.BaseColumnName is not null)
            .Where(c => !MappedColumns(db.Model, c.BaseTableName!).Contains(c.BaseColumnName!))
            .Select(c => $"{c.BaseTableName}.{c.BaseColumnName}")
            .ToList();
        Assert.That(unmapped, Is.Empty, "columns the statement returns that the EF model does not map");
    }

    [Test]
    public async Task Should_find_in_each_table_exactly_the_columns_the_model_maps()
    {
        await using var db = TestRun.Infrastructure.CreateDbContext();
        var tables = db.Model.GetEntityTypes().Select(e => e.GetTableName()).OfType<string>().Distinct().ToList();
        foreach (var table in tables)
        {
            var columns = await db.Database
                .SqlQuery<string>($"SELECT column_name::text AS \"Value\" FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = {table}")
                .ToListAsync();

            Assert.That(columns, Is.EquivalentTo(MappedColumns(db.Model, table)), $"the columns of {table}");
        }
    }

    [Test]
    public async Task Should_write_every_field_the_upload_validates_into_its_row()
    {
        // A field added to what the upload validates (and to the row entity) but not to the hand-written INSERT would
        // be dropped without a word: every field of ValidDealer must have its row column in the statement.
        await using var db = TestRun.Infrastructure.CreateDbContext();
        var row = db.Model.FindEntityType(typeof(Invitations.Data.Persistence.Entities.BulkInvitationRow))!;
        var store = StoreObjectIdentifier.Table(row.GetTableName()!);
        var insert = JobRowWriter.InsertSql;
        var listed = insert[(insert.IndexOf('(', StringComparison.Ordinal) + 1)..insert.IndexOf(')', StringComparison.Ordinal)]
            .Split(',', StringSplitOptions.TrimEntries)
            .ToHashSet(StringComparer.Ordinal);
        var missing = typeof(ValidDealer).GetProperties()
            .Select(field => (field.Name, Column: row.FindProperty(field.Name)?.GetColumnName(store)))
            .Where(f => f.Column is null || !listed.Contains(f.Column))
            .Select(f => f.Column is null ? $"{f.Name} (no such property on the row entity)" : $"{f.Name} ({f.Column})")
            .ToList();

        Assert.That(missing, Is.Empty, "fields of a validated dealer the row INSERT does not write");
    }

    // FromSqlRaw materializes the entity from the statement's columns by name: each mapped one must be there.
    private static void EveryMappedColumn<TEntity>(NpgsqlDataReader reader)
    {
        using var db = TestRun.Infrastructure.CreateDbContext();
        var table = db.Model.FindEntityType(typeof(TEntity))!.GetTableName()!;
        var returned = new ResultColumns(reader).Names.ToHashSet(StringComparer.Ordinal);
        Assert.That(MappedColumns(db.Model, table).Except(returned), Is.Empty, $"columns of {table} the statement does not return");
    }

    private static void NoResult(NpgsqlDataReader reader) =>
        Assert.That(reader.FieldCount, Is.Zero, "the statement returns columns nobody reads");

    private static HashSet<string> MappedColumns(IModel model, string table)
    {
        var store = StoreObjectIdentifier.Table(table);
        return model.GetEntityTypes()
            .Where(e => e.GetTableName() == table)
            .SelectMany(e => e.GetProperties())
            .Select(p => p.GetColumnName(store))
            .OfType<string>()
            .ToHashSet(StringComparer.Ordinal);
    }

    private static (string Name, object Value)[] Parameters(NpgsqlBatchCommand command) =>
        [.. command.Parameters.Select(p => (p.ParameterName, p.Value ?? DBNull.Value))];
}
