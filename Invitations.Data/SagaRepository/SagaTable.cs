using System.Collections.Concurrent;
using System.Data.Common;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Npgsql;

namespace Invitations.Data.SagaRepository;

/// <summary>
/// The SQL of one saga table, derived once per DbContext type from the EF model (table, schema, column names
/// and value converters), so a mapping change never leaves a hard-coded name behind.
/// </summary>
internal sealed class SagaTable
{
    private static readonly ConcurrentDictionary<(Type Context, Type Saga), SagaTable> Cache = new();

    private readonly IProperty[] _insertedProperties;
    private readonly IProperty _key;
    private readonly IProperty? _version;

    private SagaTable(IEntityType entityType)
    {
        var tableName = entityType.GetTableName()
            ?? throw new InvalidOperationException($"{entityType.DisplayName()} is not mapped to a table.");
        var store = StoreObjectIdentifier.Table(tableName, entityType.GetSchema());
        _key = entityType.FindPrimaryKey()?.Properties.SingleOrDefault()
            ?? throw new InvalidOperationException($"{entityType.DisplayName()} needs a single-column primary key (CorrelationId).");
        _version = typeof(ISagaVersion).IsAssignableFrom(entityType.ClrType) ? entityType.FindProperty(nameof(ISagaVersion.Version)) : null;

        // Store-generated columns (identity, computed, xmin) keep their server values; shadow properties their defaults.
        _insertedProperties = [.. entityType.GetProperties()
            .Where(p => p.IsPrimaryKey() || (!p.IsShadowProperty() && p.ValueGenerated == ValueGenerated.Never && p.GetColumnName(store) is not null))];

        var table = Quote(tableName, entityType.GetSchema());
        var keyColumn = Quote(_key.GetColumnName(store)!);
        var columns = string.Join(", ", _insertedProperties.Select(p => Quote(p.GetColumnName(store)!)));
        var values = string.Join(", ", _insertedProperties.Select((_, i) => $"@p{i}"));

        KeyPropertyName = _key.Name;
        InsertSql = $"INSERT INTO {table} ({columns}) VALUES ({values}) ON CONFLICT ({keyColumn}) DO NOTHING";
        SelectSql = $"SELECT * FROM {table} WHERE {keyColumn} = @p0";
        SelectForUpdateSql = SelectSql + " FOR UPDATE";
        if (_version is not null)
        {
            var versionColumn = Quote(_version.GetColumnName(store)!);
            VersionCheckSql = $"UPDATE {table} SET {versionColumn} = @p2 WHERE {keyColumn} = @p0 AND {versionColumn} = @p1";
        }
    }

    public string KeyPropertyName { get; }
    public string InsertSql { get; }
    public string SelectSql { get; }
    public string SelectForUpdateSql { get; }
    public string? VersionCheckSql { get; }

    public static SagaTable For<TSaga>(DbContext db) =>
        Cache.GetOrAdd((db.GetType(), typeof(TSaga)), _ => new SagaTable(db.Model.FindEntityType(typeof(TSaga))
            ?? throw new InvalidOperationException($"{db.GetType().Name} does not map the saga {typeof(TSaga).Name}.")));

    public DbParameter[] InsertParameters(object instance)
    {
        using var command = new NpgsqlCommand();
        return [.. _insertedProperties.Select((p, i) => Parameter(command, p, i, p.GetGetter().GetClrValue(instance)))];
    }

    public DbParameter[] KeyParameter(Guid correlationId)
    {
        using var command = new NpgsqlCommand();
        return [Parameter(command, _key, 0, correlationId)];
    }

    public DbParameter[] VersionCheckParameters(Guid correlationId, int expected, int next)
    {
        using var command = new NpgsqlCommand();
        return [Parameter(command, _key, 0, correlationId), Parameter(command, _version!, 1, expected), Parameter(command, _version!, 2, next)];
    }

    // The type mapping applies the property's value converter (enums stored as text, for instance).
    private static DbParameter Parameter(DbCommand command, IProperty property, int index, object? value) =>
        property.GetRelationalTypeMapping().CreateParameter(command, $"p{index}", value, property.IsNullable);

    private static string Quote(string name, string? schema = null) =>
        schema is null ? QuoteIdentifier(name) : $"{QuoteIdentifier(schema)}.{QuoteIdentifier(name)}";

    private static string QuoteIdentifier(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
